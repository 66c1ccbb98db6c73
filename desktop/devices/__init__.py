"""Body-camera footage (执法记录仪): ``names`` (recorder file names, FORMATS.md §5), ``evidence``
(the content-addressed, write-once evidence store), ``stations`` (the export-folder station and
what every station offers), ``http_station`` (FORMATS.md §6), ``importer`` (the resumable
hash-while-copy import and its journal), ``library`` (listing, case links, suggestions, number
mapping), ``custody`` (the evidence folder, verify, the export for a court), ``station_service``
(the county's stations), ``dto``."""
