-- A child's keyed digest in the dataset is 15 hex characters (60 bits), the first 15 of the
-- 32 it was (decision 0046): short enough to be held without allocating as an import reads a
-- million rows; for a partnership's fifty thousand children the chance that two share one is
-- about one in a thousand million. The digests kept so far are cut to the same 15 characters,
-- so a child imported before this and again after it is the same child.
UPDATE dataset_children SET child = substr(child, 1, 15);
UPDATE dataset_episodes SET child = substr(child, 1, 15);
UPDATE dataset_missing SET child = substr(child, 1, 15);
UPDATE dataset_cin_referrals SET child = substr(child, 1, 15);
UPDATE dataset_cin_assessments SET child = substr(child, 1, 15);
UPDATE dataset_cin_enquiries SET child = substr(child, 1, 15);
UPDATE dataset_cin_plans SET child = substr(child, 1, 15);
