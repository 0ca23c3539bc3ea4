-- The rest of intake, sealed as one value (XChaCha20-Poly1305, bound to its row and column):
-- the safe-contact profile (channels, times, no messages, who may answer, whether the household
-- knows), when and where the crime happened, whether and where it was reported, languages and
-- the need of an interpreter.
ALTER TABLE cases ADD COLUMN details_enc TEXT;
