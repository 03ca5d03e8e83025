/* SPDX-License-Identifier: MIT */
/* commands.h - the pricing command's table: every command and option, once.
 *
 * Macros only (no symbols), so that two readers expand the same table:
 * libpricing/usage.c builds the usage texts of pricing_usage() from it at
 * compile time, and the pricing command (cli/commands.c, cli/options.c)
 * builds its dispatch and option checking from it. The man page's SYNOPSIS
 * is checked against it by tests/check_usage.sh.
 *
 * To add a command: a line in PRICING_COMMANDS, its PRICING_OPTIONS_<name>
 * list, and a cmd_<name> handler in cli/; the Python `python3 -m pricing`
 * reads the texts through pricing_usage(). */
#ifndef PRICING_COMMANDS_H
#define PRICING_COMMANDS_H

/* An option: X(id, " VALUE" or "", padding to column 24, help line). */
#define PRICING_OPTION_pretty(X)                                              \
    X(pretty, "", "              ", "indent the output by two spaces a level")
#define PRICING_OPTION_quiet(X)                                               \
    X(quiet, "", "               ", "no progress display on standard error")
#define PRICING_OPTION_rules(X)                                               \
    X(rules, " SET", "           ",                                          \
      "also check the rules of marketplace SET (koogallery)")
#define PRICING_OPTION_spec(X)                                                \
    X(spec, " ID", "             ", "only spec ID (chart: the one drawn)")
#define PRICING_OPTION_format(X)                                              \
    X(format, " csv|json|html", "  ",                                         \
      "CSV (the default), one JSON document or a web page")
#define PRICING_OPTION_template(X)                                            \
    X(template, "", "            ", "leave every price empty, to fill in")
#define PRICING_OPTION_requests(X)                                            \
    X(requests, " FILE", "       ",                                          \
      "also price each request of FILE (JSON Lines) under both")
/* Contract 1.2: a version of a catalog history. */
#define PRICING_OPTION_of(X)                                                  \
    X(of, " VERSION", "          ",                                            \
      "the version of a history (default: the newest)")
#define PRICING_OPTION_old(X)                                                 \
    X(old, " VERSION", "         ", "the version of OLD (default: the newest)")
#define PRICING_OPTION_new(X)                                                 \
    X(new, " VERSION", "         ", "the version of NEW (default: the newest)")
#define PRICING_OPTION_strict(X)                                              \
    X(strict, "", "              ", "exit 1 when there is any warning")
/* lint's --format: the same option, its own values and help. */
#define PRICING_OPTION_format_lint(X)                                         \
    X(format, " jsonl|text", "   ", "JSON Lines (the default) or text lines")

/* Charts (seller tools). */
#define PRICING_OPTION_attribute(X)                                           \
    X(attribute, " ID", "        ",                                           \
      "the quantity attribute (default: the first)")
#define PRICING_OPTION_plan(X)                                                \
    X(plan, " PLAN", "           ", "the plan (default: the first sold)")
#define PRICING_OPTION_sku(X)                                                 \
    X(sku, " ATTR=VALUE,...", "  ",                                          \
      "only this SKU (default: every SKU)")

/* Every option, in the order of the option bits. */
#define PRICING_OPTIONS_ALL(X)                                                \
    PRICING_OPTION_pretty(X) PRICING_OPTION_quiet(X) PRICING_OPTION_rules(X)  \
    PRICING_OPTION_spec(X) PRICING_OPTION_format(X)                           \
    PRICING_OPTION_template(X) PRICING_OPTION_requests(X)                     \
    PRICING_OPTION_of(X) PRICING_OPTION_old(X) PRICING_OPTION_new(X)       \
    PRICING_OPTION_attribute(X) PRICING_OPTION_plan(X) PRICING_OPTION_sku(X)  \
    PRICING_OPTION_strict(X)

/* The options of each command, in the order the synopsis shows them. */
#define PRICING_OPTIONS_quote(X) PRICING_OPTION_pretty(X)
#define PRICING_OPTIONS_validate(X)                                           \
    PRICING_OPTION_pretty(X) PRICING_OPTION_rules(X)
#define PRICING_OPTIONS_batch(X) PRICING_OPTION_quiet(X)
#define PRICING_OPTIONS_sheet(X)                                              \
    PRICING_OPTION_spec(X) PRICING_OPTION_format(X)                           \
    PRICING_OPTION_template(X) PRICING_OPTION_pretty(X) PRICING_OPTION_of(X)
#define PRICING_OPTIONS_chart(X)                                              \
    PRICING_OPTION_spec(X) PRICING_OPTION_attribute(X) PRICING_OPTION_plan(X) \
    PRICING_OPTION_sku(X) PRICING_OPTION_of(X)
#define PRICING_OPTIONS_import(X)                                             \
    PRICING_OPTION_pretty(X) PRICING_OPTION_quiet(X) PRICING_OPTION_of(X)
#define PRICING_OPTIONS_diff(X)                                               \
    PRICING_OPTION_pretty(X) PRICING_OPTION_requests(X)                       \
    PRICING_OPTION_quiet(X) PRICING_OPTION_old(X) PRICING_OPTION_new(X)
#define PRICING_OPTIONS_lint(X)                                               \
    PRICING_OPTION_strict(X) PRICING_OPTION_format_lint(X)                    \
    PRICING_OPTION_rules(X)

/* A command: X(name, padding to column 12, operands, least and most
 * operands, summary, description). The description ends with "\n". */
#define PRICING_COMMANDS(X)                                                   \
    X(quote, "     ", "[CATALOG [REQUEST]]", 0, 2, "price one request",      \
      PRICING_HELP_quote)                                                     \
    X(validate, "  ", "CATALOG", 1, 1, "check a catalog and summarise it",   \
      "Checks CATALOG and prints {\"valid\":true,...} with its numbers of\n"  \
      "specs and SKUs, or the error object.\n")                              \
    X(batch, "     ", "CATALOG < REQUESTS", 1, 1,                             \
      "price one request per line",                                           \
      PRICING_HELP_batch)                                                     \
    X(sheet, "     ", "CATALOG", 1, 1, "print every price of a catalog",     \
      "Prints one row per price of every SKU, plan and rule (CSV with a\n"    \
      "header row by default), a price column per currency. --pretty goes\n" \
      "with --format json. --format html writes a self-contained web page\n"\
      "with the tier tables and charts.\n")                                  \
    X(chart, "     ", "CATALOG", 1, 1, "draw the prices of a spec as SVG",    \
      "Prints an SVG chart of spec --spec's prices against a quantity\n"     \
      "attribute: the total and the price per unit, one line per SKU, tier\n"\
      "boundaries dashed, inversions (one step more costing less) circled\n" \
      "in red, exact values in each point's tooltip.\n")                     \
    X(import, "    ", "CATALOG SHEET", 2, 2,                                  \
      "fill a catalog's prices from a sheet",                                 \
      "Prints CATALOG with the prices of the CSV sheet SHEET (- for\n"        \
      "standard input) filled in, or every bad cell with its row and\n"      \
      "column. A history comes back whole, --of's version re-priced.\n")     \
    X(diff, "      ", "OLD [NEW]", 1, 2,                                       \
      "compare the prices of two catalogs",                                   \
      "Prints the price changes from catalog OLD to NEW; with --requests,\n" \
      "each request's old and new total and a summary. With one history\n"  \
      "alone, compares a version (--new, default the newest) with the\n"    \
      "one before it.\n")                                                   \
    X(lint, "      ", "CATALOG", 1, 1, "warn of prices a seller did not mean", \
      PRICING_HELP_lint)

#define PRICING_HELP_quote                                                    \
    "Prints the quote of REQUEST (a file, or standard input when absent\n"    \
    "or -) against CATALOG. With no CATALOG, standard input holds one\n"      \
    "envelope {\"catalog\": {...}, \"request\": {...}}.\n"                    \
    "\n"                                                                      \
    "A request is a JSON object:\n"                                           \
    "  spec      the spec id (required)\n"                                   \
    "  plan      month, year or one_time; left out when the spec sells one\n"         \
    "  count     the number of periods (default 1)\n"                        \
    "  sku       {attribute: value}: an enum value or a quantity\n"          \
    "  trial     true for a free trial quote\n"                              \
    "  start     the first day of service, YYYY-MM-DD\n"                     \
    "  type      new (default), renew, upgrade or scale_out, with\n"         \
    "            current_end, from, end, change_date as the type needs\n"    \
    "  discount  {\"percent_off\" or \"amount_off\", \"periods\"}\n"           \
    "docs/format.md describes every member.\n"

#define PRICING_HELP_lint                                                     \
    "Prints a warning per line (JSON Lines: code, path, message) about\n"    \
    "the prices of CATALOG: price_inversion, year_above_months,\n"          \
    "edition_order, unreachable_tier and, without --rules, the koogallery\n" \
    "release rules. Every version and currency is linted. Exit status 0,\n" \
    "or 1 with --strict when there is a warning.\n"

#define PRICING_HELP_batch                                                    \
    "Reads one request per line (JSON Lines) on standard input and\n"         \
    "writes one line per request, the quote or the error object (with\n"      \
    "\"input_line\": N), in the same order, each as soon as it is priced.\n"  \
    "A line longer than the request limit is answered when the limit is\n"    \
    "passed. On a terminal, standard error shows the progress.\n"

#endif
