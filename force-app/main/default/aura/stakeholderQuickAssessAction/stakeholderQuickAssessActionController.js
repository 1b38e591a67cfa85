({
    // The LWC fires "close" after a save (detail.saved is true) or a cancel. Only the Aura quick-action
    // event can close the action panel; after a save, refreshing the record page shows the new roll-ups.
    handleClose: function (component, event) {
        $A.get('e.force:closeQuickAction').fire();
        if (event.getParam('saved')) {
            $A.get('e.force:refreshView').fire();
        }
    }
});
