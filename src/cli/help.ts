// Help texts of the command-line tool.

export const MAIN_HELP = `newsmark: annotate plain-text news corpora from the command line

Usage: newsmark <command> [options]

Commands:
  detect PATH...        suggest body lines, actors and dates for every document
  eval --gold GOLD      score the detectors (or any system's predictions) against gold data, or simulate
                        learning (--learning-curve K)
  train --gold GOLD     train a span model on gold data or an annotated corpus
  export DIR            write tags in a training-data format
  import SRC --into DIR read tags back from brat, jsonl or doccano files
  stats DIR             documents, tags, review progress, actors, orphans and broken sidecars
  agree A B [C...]      agreement of annotators' sidecar folders: span F1, kappa, disagreements

Run "newsmark <command> --help" for the options of a command.

The workspace settings: detect, eval, train, export, import and stats read the .vscode/settings.json of the
folder given (the nearest one at or above it, as the editor of that folder would): newsmark.sidecars.folder
(sidecars in a folder that mirrors the workspace, else beside their pages), newsmark.corpus (which files are
pages), newsmark.labels (tags of other labels are warned about) and newsmark.lexicons (extra lexicons).
Comments and trailing commas are fine; a file that cannot be read stops the command with its line. Flags
override: --sidecars DIR (a mirrored sidecar folder, relative to the current folder; --sidecars= for
sidecars beside their pages), --glob PATTERN (file names instead of newsmark.corpus), --lexicons A,B, and
--no-settings (read no settings file).

Problems are printed on stderr as PATH:LINE:COL: message. Exit status: 0 ok, 1 problems found, 2 usage error.
`;

export const COMMAND_HELP: Record<string, string> = {
  agree: `Usage: newsmark agree A B [C...] [options]

Compares annotators. Each of A, B, C... is one annotator's folder of sidecars: a mirrored folder (such as
.newsmark/tags/alice, what the newsmark.sidecars.folder setting makes) or a copy of the corpus with the
sidecars beside its pages. The pages compared are those every folder has a sidecar for; their text is read
from the corpus folder (--corpus, default the current folder) or beside the sidecar. Tags are first put
back in the current text; tags that cannot be found are reported and left out.

Prints, per label and for all labels, span F1 exact (same start and end) and overlap (any shared
character; one-to-one matching) for every pair of annotators and as the mean of the pairs; Cohen's kappa
(two annotators) or Fleiss' kappa (more) over tokens, each token's category being the labels covering it;
how often spans tagged alike have the same normalised value (ISO date, canonical name); the same per page;
and last the disagreements, one a line as PATH:LINE:COL: label "text" A vs "text" B (or: none, another
label, another value), the most frequent patterns first. Krippendorff's alpha is not computed.

Options:
  --json          everything as JSON (pairs, per page, disagreements, pages not compared)
  --corpus DIR    the folder holding the pages (default ".")
  --labels A,B    compare only these labels
  --names A,B     annotator names (default: the folders' names)
`,
  detect: `Usage: newsmark detect PATH... [options]

Every file given, and every file under the folders given, is one corpus: pass 1 reads all of them once
to learn which lines repeat across pages (and what the annotator confirmed in existing sidecars: body and
boilerplate lines, accepted entities, and the span model trained on the tags, dismissals and done pages,
as the editor trains it); pass 2 analyses each document and prints its result as soon as it
is ready. Only line hashes are kept between the passes, so memory stays flat as the corpus grows.

Options:
  --json             JSON Lines, one record per document:
                     {"path", "lines": [{"line", "label", "score", "reasons"}] (every non-empty line),
                      "suggestions": [{"start", "end", "label", "text", "value"?, "score", "reasons", "line"}]}
                     Offsets are UTF-16 code units, lines 0-based.
  --glob PATTERN     file-name pattern inside folders (default: the newsmark.corpus setting, else "*.txt";
                     * ? and {a,b})
  --shard I/N        analyse only the documents whose position in the sorted path list is I-1 modulo N
                     (corpus statistics still come from every document)
  --jobs N           worker threads for pass 2 (default: the number of cores); output order is kept
  --lexicons A,B     extra lexicon files or folders: <kind>.<lang>.txt entity lexicons, other .txt files
                     are stop-word lists named after the file (default: the newsmark.lexicons setting)
  --relative-dates   also suggest relative dates ("yesterday", "hôm qua")
  --date-ranges ends suggest a date range's two ends apart ("20" and "22/3" for "20-22/3"; the convention
                     of PhoNER-COVID19 and TimeML) instead of one span with an interval value (whole)
  --suggester CMD    also ask an external suggester (your own model): a program started once and kept
                     running, sent {"id", "text"} a line on stdin, answering {"id", "spans": [{"start",
                     "end", "label", "score"?}], "body_lines"?} a line on stdout (offsets in code points).
                     CMD is split into words like a shell does, and run without a shell. Or a JSON object
                     as in the newsmark.suggesters setting: {"name", "command", "labels", "offsets", "timeout"}.
                     Repeatable. Its suggestions carry "source": "suggester:NAME" and "suggester": NAME;
                     each --json record lists "suggesters": [{"name", "answered", "body_lines"?}].
  --suggester-url URL
                     the same, from an HTTP endpoint: the request is POSTed, the answer is the response
                     body. Repeatable; a JSON object as for --suggester works too.
                     A suggester that fails (ends, hangs past its timeout, prints what is not an answer,
                     answers for another page) costs only its own suggestions: it is reported once on
                     stderr with its name, restarted with backoff, and stopped after 5 failures in a row.
  --model FILE       start from a span model made by "newsmark train" (the sidecars refine it)
  --sidecars DIR     the mirrored sidecar folder (--sidecars= : beside the pages; default: the settings)
  --no-settings      read no .vscode/settings.json (see "newsmark --help")

On a cluster: give every job the same corpus and a different shard, then concatenate the outputs:
  newsmark detect corpus/ --json --shard 1/8 > part-1.jsonl    # job 1 of 8
  ...
  newsmark detect corpus/ --json --shard 8/8 > part-8.jsonl    # job 8 of 8
  cat part-*.jsonl > detections.jsonl
Each job reads the whole corpus in pass 1 (fast: hashing only) and analyses one N-th of it in pass 2.
`,
  eval: `Usage: newsmark eval --gold GOLD.jsonl|DIR [options]

Scores the detectors: body lines (precision, recall, F1 over non-empty lines) and spans per label, exact
(same start and end) and overlap (any shared character). Counts are summed over documents (micro average).

GOLD is one of:
  FILE.jsonl   one record a line: {"id", "text", "body_lines"?, "ignore_lines"?,
               "spans": [{"start", "end", "label", "optional"?}]} (UTF-16 offsets, 0-based lines);
               all records form one corpus
  DIR          *.txt + *.gold.json pairs ({"body_lines", "ignore_lines"?, "lines"}: body lines only), or annotated
               documents: *.txt with their sidecars (beside them, or in newsmark.sidecars.folder) (body tags give the body lines, other tags
               the spans; documents without a sidecar are not gold and are left out)

When a record has body lines, spans are scored only on those lines, so entity scores do not depend on
the body detector. Optional gold spans count neither for nor against. Gold without any span at all is
taken as body-line gold only (no span scores).

Options:
  --json               the scores as JSON
  --predictions FILE   score the output of "newsmark detect --json" instead of running the detectors
                       (records matched by path: equal to the gold id, or ending in "/" + id)
  --pred PRED.jsonl    score any system's predictions instead: one record a line, {"id", "spans":
                       [{"start", "end", "label"}], "body_lines"?}, matched to the gold by id. A gold record
                       without a prediction counts as predicting nothing. Body lines are scored only when
                       some record has "body_lines".
  --offsets UNIT       with --pred: utf16 (default, as in the gold file) or codepoint (as Python counts)
  --lexicons A,B       extra lexicon files or folders (see detect)
  --relative-dates     also suggest relative dates
  --date-ranges ends   a date range as its two ends (see detect)
  --model FILE         with a span model made by "newsmark train"
  --learning-curve K   simulate an annotator: the gold records in file order make K batches; before batch k
                       the batches before it are annotated (their gold as tags on done pages). Prints per
                       batch the exact and overlap F1 per label and the effort (actions / tagging by hand:
                       accept or dismiss 1, fix a boundary 2, add a missing tag 2, bulk-accept a page 1; by
                       hand 2 per tag) of the control (rules + every earlier tag's text suggested again)
                       beside learning (the span learner trained on the earlier batches)
  --seed N             with --learning-curve: the order in which training takes the annotated lines (default
                       0, as in the editor); other seeds show how much a result owes to that order
  --retrain-every N    with --learning-curve: also learn inside a batch, retraining after every N of its
                       pages (their gold done), as the editor retrains after each decision (default: learn
                       only between batches)
  --out FILE           with --learning-curve: also write the results (with commit and machine) as JSON
  --sidecars DIR       with a DIR of annotated documents: their mirrored sidecar folder (--sidecars= :
                       beside the pages; default: the settings)
  --no-settings        read no .vscode/settings.json (see "newsmark --help")
`,
  train: `Usage: newsmark train --gold GOLD.jsonl|DIR --out MODEL.json [options]

Trains the span learner (an averaged perceptron over the tokens, with the rules' suggestions, the lexicons
and how the corpus writes each word as evidence) and writes it as a model file. GOLD is a gold .jsonl file
(see eval; every record counts as a fully annotated page) or a corpus folder annotated in Newsmark (its sidecars' tags
of any source, dismissed suggestions, and pages with status done as fully annotated). The done pages are
also split into folds to measure the model against the rules: the model replaces the rules for a label
only where it measured better. Use the file with "detect --model", "eval --model" or the newsmark.model
setting. A model file from another version of Newsmark is refused: train it again.

Options:
  --out FILE       the model file to write (required)
  --model FILE     start from this model and refine it
  --labels A,B     labels to learn (default: actor and every tagged label except body, boilerplate, date)
  --epochs N       passes over the training data (default 15)
  --lexicons A,B   extra lexicon files or folders (see detect)
  --sidecars DIR   the mirrored sidecar folder of a corpus folder GOLD (--sidecars= : beside the pages)
  --no-settings    read no .vscode/settings.json (see "newsmark --help")
`,
  export: `Usage: newsmark export DIR --format FORMAT --out OUTDIR [options]

Exports every page under DIR (*.txt, or the newsmark.corpus setting) with the tags of its sidecar
(DOC.txt.ann.yaml beside it, or in the folder of the newsmark.sidecars.folder setting). Tags are first
put back in the current text; tags that cannot be found are reported and not exported. Documents without
a sidecar are exported without tags. A sidecar that cannot be read is reported as PATH:LINE:COL: message,
its document skipped, the rest exported, and the exit status is 1. OUTDIR gets the files of the format
and manifest.json (what was exported, skipped, orphaned, widened...). Formats: docs/formats.md.

Options:
  --format F          jsonl, doccano, conll, brat, labelstudio or text (required)
  --out OUTDIR        output folder outside the corpus (required); an earlier export there is replaced as a
                      whole when this one is complete (its files this one does not write are removed)
  --labels A,B        export only these labels (default all; "body" is the line-level body label)
  --status done       export only documents whose status is done
  --offsets UNIT      codepoint (default) or utf16, for the jsonl format
  --include WHAT      accepted (default) or pending: also run the detectors and export their pending
                      suggestions as predictions (jsonl, labelstudio)
  --review WHICH      any (default) or approved: export only tags a reviewer approved; the manifest's
                      "review" counts the approved, rejected and unreviewed tags and how many were left out
  --glob PATTERN      document file names (default: the newsmark.corpus setting, else "*.txt")
  --lexicons A,B      extra lexicon files or folders, with --include pending (default: the setting)
  --model FILE        with --include pending: start the span learner from a model made by "newsmark train"
                      (the pending suggestions are the editor's: rules, repeats of accepted texts, and the
                      learner trained on the corpus's decisions)
  --sidecars DIR      the mirrored sidecar folder (--sidecars= : beside the pages; default: the settings)
  --no-settings       read no .vscode/settings.json (see "newsmark --help")
`,
  import: `Usage: newsmark import SRC --into DIR [options]

Reads tags from SRC (a file or a folder): brat standoff (DOC.ann beside DOC.txt), and JSON Lines in the
jsonl export format or doccano's (*.jsonl). Each record is matched to the document of DIR with exactly the
same text (by SHA-256), and its tags are merged into that document's sidecar with source "imported":
existing tags are never changed, identical tags are skipped, tags overlapping an existing tag of the same
label are reported as conflicts and not added. Sidecars are written atomically; a sidecar that cannot be
read is reported and never overwritten. Importing the same data twice adds nothing the second time.

Options:
  --into DIR     the corpus folder whose sidecars receive the tags (required)
  --by NAME      recorded as the tags' "by" (default: the user name)
  --glob PATTERN document file names (default: the newsmark.corpus setting, else "*.txt")
  --sidecars DIR the mirrored sidecar folder to write into (--sidecars= : beside the pages; default: the
                 settings); a sidecar read in the old form is written in the new one
  --no-settings  read no .vscode/settings.json (see "newsmark --help")
`,
  stats: `Usage: newsmark stats DIR [--json]

Counts the documents under DIR (*.txt, or the newsmark.corpus setting) by status, their tags by label and by source, the most frequent
actors (by normalised value, else text), review progress (tags approved, rejected and not reviewed;
pages whose every tag has a verdict), orphaned tags (not found in the current text) and broken sidecars
(also reported as PATH:LINE:COL: message; the exit status is then 1).

Options:
  --json          the counts as JSON
  --top N         how many actors to list (default 20)
  --glob PATTERN  document file names (default: the newsmark.corpus setting, else "*.txt")
  --sidecars DIR  the mirrored sidecar folder (--sidecars= : beside the pages; default: the settings)
  --no-settings   read no .vscode/settings.json (see "newsmark --help")
`,
};
