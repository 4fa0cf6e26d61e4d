-- A transition says why in words, and some of its reasons carry a person's text after a
-- few words of their own ("resolution proposed: " and the note, up to 4 000 characters;
-- "customer's contacts moved here with RC-12: " and the agent's reason). The 1 000
-- characters this column had refused such texts with a server error. Texts are held to
-- 4 000 characters where they are taken in; the prefixes are short.
alter table case_transitions alter column reason set data type varchar(4200);
