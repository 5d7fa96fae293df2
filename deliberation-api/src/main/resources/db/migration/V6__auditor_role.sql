-- Auditors (issue #5): invited like members, they read the panel's conduct but never act and never
-- count as members. The invitation says which kind of seat it gives.
ALTER TABLE invitations
    ADD COLUMN role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'auditor'));

ALTER TABLE members DROP CONSTRAINT members_role_check;
ALTER TABLE members DROP CONSTRAINT members_check;
ALTER TABLE members ADD CONSTRAINT members_role_check CHECK (role IN ('organiser', 'member', 'auditor'));
-- every seat but the organiser's is taken with an invitation
ALTER TABLE members ADD CONSTRAINT members_invitation_check CHECK ((role <> 'organiser') = (invitation_id IS NOT NULL));
