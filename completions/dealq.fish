function __dealq_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __dealq_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __dealq_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __dealq_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __dealq_parse_tokens -S
    set -l unparsed_tokens (__dealq_tokens -pc)
    switch $unparsed_tokens[1]
    case 'dealq'
        __dealq_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'query'
            __dealq_parse_subcommand -r 1 'corpus=' 'db=' 'format=' 'today=' 'no-refresh' 'o/output=' 'timeout=' 'min-n=' 'f/file=' 'bail' 'version' 'h/help'
        case 'index'
            __dealq_parse_subcommand 1 'corpus-option=' 'db=' 'format=' 'rebuild' 'version' 'h/help'
        case 'explain'
            __dealq_parse_subcommand -r 1 'corpus=' 'db=' 'format=' 'today=' 'no-refresh' 'o/output=' 'timeout=' 'min-n=' 'version' 'h/help'
        case 'facets'
            __dealq_parse_subcommand 1 'corpus=' 'db=' 'format=' 'today=' 'no-refresh' 'o/output=' 'timeout=' 'min-n=' 'version' 'h/help'
        case 'run'
            __dealq_parse_subcommand -r 2 'corpus=' 'db=' 'format=' 'today=' 'no-refresh' 'o/output=' 'timeout=' 'min-n=' 'version' 'h/help'
        case 'queries'
            __dealq_parse_subcommand 0 'corpus=' 'db=' 'format=' 'today=' 'no-refresh' 'o/output=' 'timeout=' 'min-n=' 'version' 'h/help'
        case 'shell'
            __dealq_parse_subcommand 0 'corpus=' 'db=' 'format=' 'today=' 'no-refresh' 'o/output=' 'timeout=' 'min-n=' 'version' 'h/help'
        case 'export'
            __dealq_parse_subcommand -r 2 'corpus=' 'db=' 'format=' 'today=' 'no-refresh' 'o/output=' 'timeout=' 'min-n=' 'version' 'h/help'
        case 'report'
            __dealq_parse_subcommand -r 2 'corpus=' 'db=' 'format=' 'today=' 'no-refresh' 'o/output=' 'timeout=' 'min-n=' 'competitor=' 'version' 'h/help'
        case 'import'
            __dealq_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'crm'
                __dealq_parse_subcommand 1 'corpus=' 'map=+' 'keep=+' 'date-format=' 'dry-run' 'version' 'h/help'
            end
        case 'init'
            __dealq_parse_subcommand 1 'version' 'h/help'
        case 'check'
            __dealq_parse_subcommand -r 1 'corpus=' 'format=' 'version' 'h/help'
        case 'mcp'
            __dealq_parse_subcommand 0 'corpus=' 'db=' 'today=' 'version' 'h/help'
        case 'watch'
            __dealq_parse_subcommand 0 'corpus=' 'db=' 'quiet' 'version' 'h/help'
        case 'help'
            __dealq_parse_subcommand -r 1 'version'
        end
    end
end

function __dealq_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __dealq_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __dealq_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __dealq_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__dealq_tokens -p)
    if test -z "$(__dealq_tokens -t)"
        set -l index (count (__dealq_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'dealq' -f
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'query' -d 'Answer a query (the default command: dealq "winrate by topic acv>100k").'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'index' -d 'Build or refresh the index of a corpus.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'explain' -d 'Show what a query becomes: the parsed query, its SQL with arguments, and SQLite\'s plan.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'facets' -d 'List the facets with their kinds and most common values.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'run' -d 'Answer a saved query from the corpus\'s dealq-queries.yml.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'queries' -d 'List the saved queries of the corpus (dealq-queries.yml) with their parameters.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'shell' -d 'Ask questions interactively, with completion and history (also plain \'dealq\' on a terminal).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'export' -d 'Write a file for another system: crm-updates (CRM fields the buyers\' evidence disagrees with).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'report' -d 'Write a markdown report for leadership, product or sales, built from queries it lists.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'import' -d 'Bring deals in from another system: crm (a Salesforce or HubSpot export).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'init' -d 'Start a corpus: dealq.yml, a deal template, saved queries and a .gitignore.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'check' -d 'Check deal files as \'dealq index\' would read them, without touching the index.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'mcp' -d 'Serve the corpus to an AI assistant over the Model Context Protocol (JSON-RPC on stdin/stdout).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'watch' -d 'Keep the index fresh as files change, so that queries answer without looking at every file.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" format' -l 'format' -d 'table, csv, json, jsonl or markdown (default: table on a terminal, csv otherwise).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" today' -l 'today' -d 'The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" no-refresh' -l 'no-refresh' -d 'Answer from the index as it is, without refreshing it first (warns when it is stale).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" o output' -l 'output' -s 'o' -d 'Write the answer to a file instead of stdout.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" timeout' -l 'timeout' -d 'Stop a query that runs longer than this many seconds (exit status 1). Default: no limit; 10 in the shell.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" min-n' -l 'min-n' -d 'Win-rate groups with fewer won + lost deals are marked as too small (table output).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" f file' -s 'f' -l 'file' -d 'Run the queries in a file, one per line (\'-\' for standard input).' -rF
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" bail' -l 'bail' -d 'In batch mode, stop at the first query that fails.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq query" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq index" corpus-option' -l 'corpus-option' -d 'The corpus folder.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq index" db' -l 'db' -d 'The index file.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq index" format' -l 'format' -d 'Summary format: text or json.' -rfka 'text json'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq index" rebuild' -l 'rebuild' -d 'Rebuild the whole index instead of refreshing it.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq index" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq index" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" format' -l 'format' -d 'table, csv, json, jsonl or markdown (default: table on a terminal, csv otherwise).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" today' -l 'today' -d 'The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" no-refresh' -l 'no-refresh' -d 'Answer from the index as it is, without refreshing it first (warns when it is stale).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" o output' -l 'output' -s 'o' -d 'Write the answer to a file instead of stdout.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" timeout' -l 'timeout' -d 'Stop a query that runs longer than this many seconds (exit status 1). Default: no limit; 10 in the shell.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" min-n' -l 'min-n' -d 'Win-rate groups with fewer won + lost deals are marked as too small (table output).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq explain" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" format' -l 'format' -d 'table, csv, json, jsonl or markdown (default: table on a terminal, csv otherwise).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" today' -l 'today' -d 'The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" no-refresh' -l 'no-refresh' -d 'Answer from the index as it is, without refreshing it first (warns when it is stale).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" o output' -l 'output' -s 'o' -d 'Write the answer to a file instead of stdout.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" timeout' -l 'timeout' -d 'Stop a query that runs longer than this many seconds (exit status 1). Default: no limit; 10 in the shell.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" min-n' -l 'min-n' -d 'Win-rate groups with fewer won + lost deals are marked as too small (table output).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq facets" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" format' -l 'format' -d 'table, csv, json, jsonl or markdown (default: table on a terminal, csv otherwise).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" today' -l 'today' -d 'The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" no-refresh' -l 'no-refresh' -d 'Answer from the index as it is, without refreshing it first (warns when it is stale).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" o output' -l 'output' -s 'o' -d 'Write the answer to a file instead of stdout.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" timeout' -l 'timeout' -d 'Stop a query that runs longer than this many seconds (exit status 1). Default: no limit; 10 in the shell.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" min-n' -l 'min-n' -d 'Win-rate groups with fewer won + lost deals are marked as too small (table output).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq run" -eq 1' -fka '(__dealq_custom_completion ---completion run -- positional@0 (count (__dealq_tokens -pc)) (__dealq_tokens -tC))'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq run" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" format' -l 'format' -d 'table, csv, json, jsonl or markdown (default: table on a terminal, csv otherwise).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" today' -l 'today' -d 'The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" no-refresh' -l 'no-refresh' -d 'Answer from the index as it is, without refreshing it first (warns when it is stale).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" o output' -l 'output' -s 'o' -d 'Write the answer to a file instead of stdout.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" timeout' -l 'timeout' -d 'Stop a query that runs longer than this many seconds (exit status 1). Default: no limit; 10 in the shell.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" min-n' -l 'min-n' -d 'Win-rate groups with fewer won + lost deals are marked as too small (table output).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq queries" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" format' -l 'format' -d 'table, csv, json, jsonl or markdown (default: table on a terminal, csv otherwise).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" today' -l 'today' -d 'The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" no-refresh' -l 'no-refresh' -d 'Answer from the index as it is, without refreshing it first (warns when it is stale).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" o output' -l 'output' -s 'o' -d 'Write the answer to a file instead of stdout.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" timeout' -l 'timeout' -d 'Stop a query that runs longer than this many seconds (exit status 1). Default: no limit; 10 in the shell.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" min-n' -l 'min-n' -d 'Win-rate groups with fewer won + lost deals are marked as too small (table output).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq shell" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq export" -eq 1' -fka 'crm-updates'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" format' -l 'format' -d 'table, csv, json, jsonl or markdown (default: table on a terminal, csv otherwise).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" today' -l 'today' -d 'The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" no-refresh' -l 'no-refresh' -d 'Answer from the index as it is, without refreshing it first (warns when it is stale).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" o output' -l 'output' -s 'o' -d 'Write the answer to a file instead of stdout.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" timeout' -l 'timeout' -d 'Stop a query that runs longer than this many seconds (exit status 1). Default: no limit; 10 in the shell.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" min-n' -l 'min-n' -d 'Win-rate groups with fewer won + lost deals are marked as too small (table output).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq report" -eq 1' -fka 'leadership product sales'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" format' -l 'format' -d 'table, csv, json, jsonl or markdown (default: table on a terminal, csv otherwise).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" today' -l 'today' -d 'The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" no-refresh' -l 'no-refresh' -d 'Answer from the index as it is, without refreshing it first (warns when it is stale).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" o output' -l 'output' -s 'o' -d 'Write the answer to a file instead of stdout.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" timeout' -l 'timeout' -d 'Stop a query that runs longer than this many seconds (exit status 1). Default: no limit; 10 in the shell.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" min-n' -l 'min-n' -d 'Win-rate groups with fewer won + lost deals are marked as too small (table output).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" competitor' -l 'competitor' -d 'For the sales report: the competitor whose page to write.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq report" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq import" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq import" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_positional "dealq import" -eq 1' -fa 'crm' -d 'Write a deal file for every closed row of a CRM export (CSV).'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq import crm" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq import crm"' -l 'map' -d 'Read FIELD from COLUMN (e.g. acv="Total Contract Value"; an empty COLUMN leaves FIELD out).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq import crm"' -l 'keep' -d 'Carry COLUMN as a custom field.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq import crm" date-format' -l 'date-format' -d 'How the close dates are written when the column does not show it: MM/DD/YYYY, DD/MM/YYYY or YYYY-MM-DD.' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq import crm" dry-run' -l 'dry-run' -d 'Show what would change, and write nothing.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq import crm" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq import crm" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq init" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq check" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/ above the first PATH, else above the current folder).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq check" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq check" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq mcp" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq mcp" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq mcp" today' -l 'today' -d 'The day relative dates count from, YYYY-MM-DD (default: $DEALQ_TODAY, else today).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq mcp" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq mcp" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq watch" corpus' -l 'corpus' -d 'The corpus folder (default: $DEALQ_CORPUS, or the nearest folder with dealq.yml or .dealq/).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq watch" db' -l 'db' -d 'The index file (default: CORPUS/.dealq/index.sqlite).' -rfka ''
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq watch" quiet' -l 'quiet' -d 'Print only warnings and errors, not a line per batch of changes.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq watch" version' -l 'version' -d 'Show the version.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq watch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'dealq' -n '__dealq_should_offer_completions_for_flags_or_options "dealq help" version' -l 'version' -d 'Show the version.'
