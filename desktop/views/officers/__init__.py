"""执法资格: the qualification area's tabs — ``page`` (the tab set), ``certificates_tab`` (执法证: the
list, the selected certificate's history, its events), ``event_dialog`` (one dated event),
``review_tab`` (年审 in batches), ``training_tab`` (培训: hours against the target, import),
``verify_tab`` (证件验证), ``titles`` (states and events in words)."""
