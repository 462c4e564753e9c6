-- Bot platforms (issue 16): an escalation handed over by Microsoft Bot Framework, Dialogflow CX or Rasa
-- through its adapter remembers the platform and how to reach the conversation there (the platform's
-- own conversation id, service URL...), so that agents' replies and the handoff's status go back the
-- platform's way. Escalations of the generic API are 'api'.
ALTER TABLE escalation ADD COLUMN platform VARCHAR(32) DEFAULT 'api' NOT NULL;
ALTER TABLE escalation ADD COLUMN platform_route VARCHAR(2048);
