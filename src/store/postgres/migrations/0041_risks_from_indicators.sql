-- Risks raised from red dataset indicators (issue 17): a risk may record the indicator of the
-- partnership's dataset it was raised from, by the indicator's code (the catalogue's key, the
-- same whether the partnership keeps its own catalogue or still works to the default one).
-- None for a risk raised otherwise. Indexed so an indicator's page finds its risks.
ALTER TABLE risks ADD COLUMN indicator_code TEXT;

CREATE INDEX risks_by_indicator ON risks(partnership_id, indicator_code);
