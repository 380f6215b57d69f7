-- The thread from a problem to its validated fix (issue 18).
-- What makes an incident this problem's, as the board filter it was linked with (JSON, dates left
-- out): the rate after a fix counts the incidents that came in since, linked or not.
ALTER TABLE problems ADD COLUMN pattern TEXT;
-- A proposal's approval: the day and who approved it; its project is proposal_drafts.project_id.
ALTER TABLE proposal_drafts ADD COLUMN approved_on TEXT;   -- YYYY-MM-DD
ALTER TABLE proposal_drafts ADD COLUMN approved_by TEXT NOT NULL DEFAULT '';
