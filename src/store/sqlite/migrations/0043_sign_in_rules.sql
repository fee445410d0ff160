-- A partnership's rules for signing in (issue 14, item 5; decision 0031): whether everyone whose
-- role can see case records must sign in with a second factor. Existing partnerships keep
-- today's behaviour (not required) until their settings say otherwise.
ALTER TABLE partnership_rules ADD COLUMN sign_in_json TEXT NOT NULL DEFAULT '{"two_factor_required":false}';
