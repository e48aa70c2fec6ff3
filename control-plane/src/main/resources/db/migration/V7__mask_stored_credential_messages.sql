-- Step messages stored before messages followed the excerpts' rule quote the value of a credential
-- field a JSON assertion read ("$.accessToken is \"eyJ…\", expected it to match …"). Mask them as the
-- prober now does, so the console and the API stop showing them before retention would.
UPDATE probe_step
SET message = regexp_replace(message,
    '^(\$\S*(token|password|passwd|passphrase|secret|credential|authorization|api[-_]?key|private[-_]?key|jwt|cookie|session)\S* is ).*(, (expected|below min|above max) .*)$',
    '\1[masked]\3', 'i')
WHERE message ~* '^\$\S*(token|password|passwd|passphrase|secret|credential|authorization|api[-_]?key|private[-_]?key|jwt|cookie|session)\S* is ';
