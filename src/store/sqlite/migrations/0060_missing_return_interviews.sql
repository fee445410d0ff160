-- The days a return interview was offered and accepted after a missing episode, where the
-- extract carries them (issue 15 item 3): the share offered within 72 hours is then computed
-- from the records instead of taken from the local authority's return.
ALTER TABLE dataset_missing ADD COLUMN rhi_offered_on TEXT;
ALTER TABLE dataset_missing ADD COLUMN rhi_accepted_on TEXT;
