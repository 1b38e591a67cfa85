// Loaded with --require into the measured rescore process: at exit it records the peak resident
// set size (kilobytes) in the file the benchmark names, so no polling can miss the peak.
const fs = require('node:fs');

process.on('exit', () => {
    const file = process.env.RESCORE_BENCH_RSS_FILE;
    if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
