## The workspace for support organisations (/workspace/): translation in progress; missing
## strings are shown in English.
