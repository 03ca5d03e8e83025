/* SPDX-License-Identifier: MIT */
/* main.c - the pricing command: a thin client of the public API.
 *
 *   pricing quote [CATALOG [REQUEST]]   price one request
 *   pricing validate [--rules koogallery] CATALOG
 *   pricing batch CATALOG               JSON Lines in, JSON Lines out
 *   pricing sheet [--spec ID] [--format csv|json] [--template] CATALOG
 *   pricing import CATALOG SHEET        a filled-in sheet -> catalog
 *   pricing diff [--requests FILE] OLD NEW
 *
 * Exit status: 0 success, 1 an input was rejected, 2 wrong usage, 3 a file
 * could not be read or the output could not be written. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pricing.h>

#include "io.h"

enum { EXIT_OK = 0, EXIT_REJECTED = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

static const char usage_text[] =
    "usage: pricing quote [--pretty] [CATALOG [REQUEST]]\n"
    "       pricing validate [--pretty] [--rules koogallery] CATALOG\n"
    "       pricing batch CATALOG < requests.jsonl\n"
    "       pricing sheet [--spec ID] [--format csv|json] [--template] "
    "[--catalog-version V] CATALOG\n"
    "       pricing import [--pretty] [--catalog-version V] CATALOG "
    "SHEET.csv\n"
    "       pricing diff [--pretty] [--requests FILE.jsonl] "
    "[--old-version V] [--new-version V] OLD [NEW]\n"
    "       pricing --help | --version\n"
    "\n"
    "quote     prints the quote of REQUEST (a file, or standard input when\n"
    "          absent or -); with no CATALOG, standard input holds one\n"
    "          envelope {\"catalog\": {...}, \"request\": {...}}\n"
    "validate  checks CATALOG, optionally against marketplace rules\n"
    "batch     reads one request per line, writes one quote or error per line\n"
    "sheet     prints every price of CATALOG, one row per SKU, plan and rule\n"
    "          (CSV by default); --template leaves the prices empty\n"
    "import    prints CATALOG with the prices of SHEET.csv (- for standard\n"
    "          input) filled in, or every bad cell with its row and column\n"
    "diff      prints the price changes from catalog OLD to NEW; with\n"
    "          --requests, each request's old and new total\n"
    "\n"
    "A CATALOG may be a history of versions: sheet and import work on\n"
    "--catalog-version (default: the newest); diff compares --old-version\n"
    "of OLD with --new-version of NEW (defaults: the newest), and with one\n"
    "history alone its version before --new-version with that version.\n"
    "\n"
    "Errors are printed as a JSON error object on standard output and as one\n"
    "line on standard error. Exit status: 0 success, 1 an input was\n"
    "rejected, 2 wrong usage, 3 a file could not be read or the output\n"
    "could not be written.\n";

typedef struct options {
    unsigned flags;
    const char *rules;
    const char *spec;     /* sheet --spec */
    const char *format;   /* sheet --format */
    int template_;        /* sheet --template */
    const char *requests; /* diff --requests */
    const char *version;  /* sheet, import --catalog-version */
    const char *old_version, *new_version; /* diff */
    const char *args[3];
    int nargs;
} options;

/* Writes buf and a newline; 0, or -1 when standard output failed. */
static int emit(const pricing_buffer *buf)
{
    if (buf->size && fwrite(buf->data, 1, buf->size, stdout) != buf->size)
        return -1;
    return fputc('\n', stdout) == EOF ? -1 : 0;
}

static int finish_output(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "pricing: cannot write standard output\n");
        return EXIT_IO;
    }
    return status;
}

/* Prints err as the contract's error object and one line on stderr. */
static int report(const pricing_error *err, unsigned flags)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    int status = err->code == PRICING_IO_ERROR ? EXIT_IO
                 : err->code == PRICING_INVALID_ARGUMENT ? EXIT_USAGE
                                                         : EXIT_REJECTED;
    fprintf(stderr, "pricing: %s%s%s: %s\n", pricing_code_name(err->code),
            err->path[0] ? " at " : "", err->path, err->message);
    if (pricing_error_write_json(&buf, err, flags) == 0)
        (void)emit(&buf);
    pricing_buffer_dispose(&buf);
    return finish_output(status);
}

static int usage_error(const char *msg, unsigned flags)
{
    pricing_error err;
    pricing_error_init(&err);
    err.code = PRICING_INVALID_ARGUMENT;
    snprintf(err.message, sizeof err.message, "%s (see pricing --help)", msg);
    return report(&err, flags);
}

static int print_result(int rc, pricing_buffer *buf, const pricing_error *err,
                        unsigned flags)
{
    int status;
    if (rc != 0) {
        status = report(err, flags);
    } else {
        status = emit(buf) == 0 ? EXIT_OK : EXIT_IO;
        status = finish_output(status);
    }
    pricing_buffer_dispose(buf);
    return status;
}

static int cmd_quote(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    char *req = NULL;
    size_t len = 0;
    int rc;

    pricing_error_init(&err);
    if (o->nargs == 0) {
        rc = cli_read_stream(&req, &len, stdin, PRICING_MAX_CATALOG_BYTES,
                             "<stdin>", &err);
        if (rc == 0) {
            pricing_error_init(&err);
            rc = pricing_envelope_quote_json(&buf, req, len, o->flags, &err);
        }
        free(req);
        return print_result(rc, &buf, &err, o->flags);
    }
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0)
        rc = cli_read_file(&req, &len, o->nargs > 1 ? o->args[1] : "-",
                           PRICING_MAX_REQUEST_BYTES, &err);
    if (rc == 0)
        rc = pricing_quote_json(&buf, cat, req, len, NULL, o->flags, &err);
    free(req);
    pricing_catalog_free(cat);
    return print_result(rc, &buf, &err, o->flags);
}

static int cmd_validate(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    int rc;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0 && o->rules)
        rc = pricing_catalog_check_rules(cat, o->rules, &err);
    if (rc == 0)
        rc = pricing_catalog_write_summary(&buf, cat, o->flags, &err);
    pricing_catalog_free(cat);
    return print_result(rc, &buf, &err, o->flags);
}

/* The batch loop's state: the catalog, one reused quote and output
 * buffer, and the part of a line that straddles two reads. */
typedef struct batch {
    const pricing_catalog *cat;
    pricing_quote *quote;
    pricing_buffer out;
    char *carry;
    size_t carry_len, carry_cap;
    int too_long;  /* the current line passed the request limit */
    unsigned long lines, rejected;
    int failed;    /* standard output failed */
} batch;

/* Answers one request line: a quote or an error object, and a newline. */
static void batch_line(batch *b, const char *line, size_t len)
{
    pricing_error err;
    int rc;

    pricing_error_init(&err);
    if (b->too_long) {
        err.code = PRICING_LIMIT_EXCEEDED;
        snprintf(err.message, sizeof err.message,
                 "request line longer than %u bytes",
                 PRICING_MAX_REQUEST_BYTES);
        rc = pricing_error_write_json(&b->out, &err, 0);
        b->rejected++;
    } else {
        rc = pricing_quote_json(&b->out, b->cat, line, len, b->quote, 0, &err);
        if (rc != 0)
            b->rejected++;
        rc = 0;
    }
    if (rc != 0 || emit(&b->out) != 0)
        b->failed = 1;
    b->lines++;
    b->too_long = 0;
    b->carry_len = 0;
}

/* Keeps the unfinished tail of a read for the next one, up to the limit. */
static int batch_carry(batch *b, const char *p, size_t n)
{
    if (b->too_long || b->carry_len + n > PRICING_MAX_REQUEST_BYTES) {
        b->too_long = 1;
        return 0;
    }
    if (b->carry_len + n > b->carry_cap) {
        size_t cap = b->carry_cap ? b->carry_cap : 65536;
        char *q;
        while (cap < b->carry_len + n)
            cap *= 2;
        if (!(q = realloc(b->carry, cap)))
            return -1;
        b->carry = q;
        b->carry_cap = cap;
    }
    memcpy(b->carry + b->carry_len, p, n);
    b->carry_len += n;
    return 0;
}

static int cmd_batch(const options *o)
{
    static char outbuf[1 << 20], in[1 << 20];
    pricing_catalog *cat = NULL;
    pricing_error err;
    batch b;
    size_t n;
    int pending = 0, status = EXIT_OK;

    memset(&b, 0, sizeof b);
    pricing_error_init(&err);
    if (pricing_catalog_load_file(&cat, o->args[0], &err) != 0 ||
        pricing_quote_new(&b.quote, &err) != 0) {
        pricing_catalog_free(cat);
        return report(&err, 0);
    }
    b.cat = cat;
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    /* Large reads, lines answered in place; only a line that straddles
     * two reads is copied. */
    while (!b.failed && (n = fread(in, 1, sizeof in, stdin)) > 0) {
        const char *p = in, *end = in + n, *nl;
        while (!b.failed && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            if (b.carry_len || b.too_long) {
                if (batch_carry(&b, p, (size_t)(nl - p)) != 0)
                    break;
                batch_line(&b, b.carry, b.carry_len);
            } else {
                batch_line(&b, p, (size_t)(nl - p));
            }
            p = nl + 1;
            pending = 0;
        }
        if (p < end) {
            if (batch_carry(&b, p, (size_t)(end - p)) != 0) {
                fprintf(stderr, "pricing: out of memory\n");
                status = EXIT_REJECTED;
                break;
            }
            pending = 1;
        }
    }
    if (pending && !b.failed && status == EXIT_OK)
        batch_line(&b, b.carry, b.carry_len); /* a last line without '\n' */
    if (ferror(stdin)) {
        fprintf(stderr, "pricing: cannot read standard input\n");
        status = EXIT_IO;
    }
    if (b.failed)
        status = EXIT_IO;
    free(b.carry);
    pricing_buffer_dispose(&b.out);
    pricing_quote_free(b.quote);
    pricing_catalog_free(cat);
    status = finish_output(status);
    setvbuf(stdout, NULL, _IONBF, 0);
    if (b.rejected)
        fprintf(stderr, "pricing: batch: %lu of %lu requests rejected\n",
                b.rejected, b.lines);
    return status == EXIT_OK && b.rejected ? EXIT_REJECTED : status;
}

/* A CSV sheet is printed as it is: it ends its own last line (CRLF). */
static int print_sheet(int rc, pricing_buffer *buf, const pricing_error *err,
                       unsigned flags)
{
    int status;
    if (rc != 0)
        return print_result(rc, buf, err, flags);
    status = buf->size && fwrite(buf->data, 1, buf->size, stdout) != buf->size
                 ? EXIT_IO
                 : EXIT_OK;
    pricing_buffer_dispose(buf);
    return finish_output(status);
}

/* The version of cat named id (NULL: cat itself, the newest). */
static int pick_version(const pricing_catalog **out, const pricing_catalog *cat,
                        const char *id, pricing_error *err)
{
    size_t i, n = pricing_catalog_version_count(cat);
    *out = cat;
    if (!id)
        return 0;
    for (i = 0; i < n; i++) {
        const pricing_catalog *v = pricing_catalog_version_at(cat, i);
        const char *vid = pricing_catalog_version(v);
        if (vid && strcmp(vid, id) == 0) {
            *out = v;
            return 0;
        }
    }
    err->code = PRICING_INVALID_ARGUMENT;
    snprintf(err->message, sizeof err->message,
             "the catalog has no version \"%.64s\"", id);
    return -PRICING_INVALID_ARGUMENT;
}

static int cmd_sheet(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    int json = o->format && strcmp(o->format, "json") == 0, rc;
    unsigned flags = o->flags | (json ? PRICING_SHEET_JSON : PRICING_SHEET_CSV) |
                     (o->template_ ? PRICING_SHEET_TEMPLATE : 0u);

    const pricing_catalog *v = NULL;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0)
        rc = pick_version(&v, cat, o->version, &err);
    if (rc == 0)
        rc = pricing_catalog_sheet(&buf, v, o->spec, flags, &err);
    pricing_catalog_free(cat);
    if (json)
        return print_result(rc, &buf, &err, o->flags);
    return print_sheet(rc, &buf, &err, o->flags);
}

/* A rejected sheet: the library wrote every bad cell into buf. */
static int print_rejected_sheet(pricing_buffer *buf, const pricing_error *err)
{
    fprintf(stderr, "pricing: %s%s%s: %s\n", pricing_code_name(err->code),
            err->path[0] ? " at " : "", err->path, err->message);
    if (emit(buf) != 0) {
        pricing_buffer_dispose(buf);
        return finish_output(EXIT_IO);
    }
    pricing_buffer_dispose(buf);
    return finish_output(err->code == PRICING_IO_ERROR ? EXIT_IO
                                                       : EXIT_REJECTED);
}

static int cmd_import(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    char *csv = NULL;
    size_t len = 0;
    int rc, sheet_failed = 0;
    const pricing_catalog *v = NULL;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0)
        rc = pick_version(&v, cat, o->version, &err);
    if (rc == 0)
        rc = cli_read_file(&csv, &len, o->args[1], PRICING_MAX_CATALOG_BYTES,
                           &err);
    if (rc == 0) {
        rc = pricing_catalog_import_sheet(&buf, v, csv, len, o->flags, &err);
        sheet_failed = rc != 0 && buf.size > 0;
    }
    free(csv);
    pricing_catalog_free(cat);
    if (sheet_failed)
        return print_rejected_sheet(&buf, &err);
    return print_result(rc, &buf, &err, o->flags);
}

/* The version of cat just before v. */
static int previous_version(const pricing_catalog **out,
                            const pricing_catalog *cat,
                            const pricing_catalog *v, pricing_error *err)
{
    size_t i, n = pricing_catalog_version_count(cat);
    for (i = 1; i < n; i++)
        if (pricing_catalog_version_at(cat, i) == v) {
            *out = pricing_catalog_version_at(cat, i - 1);
            return 0;
        }
    err->code = PRICING_INVALID_ARGUMENT;
    snprintf(err->message, sizeof err->message,
             "diff of one catalog: it needs an earlier version than the new "
             "one");
    return -PRICING_INVALID_ARGUMENT;
}

static int cmd_diff(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *old_cat = NULL, *new_cat = NULL;
    pricing_error err;
    char *jsonl = NULL;
    size_t len = 0;
    int rc;

    const pricing_catalog *a = NULL, *b = NULL;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&old_cat, o->args[0], &err);
    if (rc == 0 && o->nargs == 2)
        rc = pricing_catalog_load_file(&new_cat, o->args[1], &err);
    if (rc == 0)
        rc = pick_version(&b, new_cat ? new_cat : old_cat, o->new_version,
                          &err);
    if (rc == 0 && (new_cat || o->old_version))
        rc = pick_version(&a, old_cat, o->old_version, &err);
    if (rc == 0 && !a) /* one history: the version before b */
        rc = previous_version(&a, old_cat, b, &err);
    if (rc == 0 && o->requests)
        rc = cli_read_file(&jsonl, &len, o->requests,
                           PRICING_MAX_CATALOG_BYTES, &err);
    if (rc == 0 && o->requests)
        rc = pricing_catalog_diff_requests(&buf, a, b, jsonl, len, o->flags,
                                           &err);
    else if (rc == 0)
        rc = pricing_catalog_diff(&buf, a, b, o->flags, &err);
    free(jsonl);
    pricing_catalog_free(old_cat);
    pricing_catalog_free(new_cat);
    return print_result(rc, &buf, &err, o->flags);
}

/* Options that belong to one command. */
static int check_options(const options *o, const char *cmd)
{
    int sheet = strcmp(cmd, "sheet") == 0;
    if (o->rules && strcmp(cmd, "validate") != 0)
        return usage_error("--rules goes with validate", o->flags);
    if ((o->spec || o->format || o->template_) && !sheet)
        return usage_error("--spec, --format and --template go with sheet",
                           o->flags);
    if (o->requests && strcmp(cmd, "diff") != 0)
        return usage_error("--requests goes with diff", o->flags);
    if ((o->old_version || o->new_version) && strcmp(cmd, "diff") != 0)
        return usage_error("--old-version and --new-version go with diff",
                           o->flags);
    if (o->version && !sheet && strcmp(cmd, "import") != 0)
        return usage_error("--catalog-version goes with sheet and import",
                           o->flags);
    if (o->format && strcmp(o->format, "csv") != 0 &&
        strcmp(o->format, "json") != 0)
        return usage_error("--format is csv or json", o->flags);
    if (sheet && (o->flags & PRICING_JSON_PRETTY) &&
        !(o->format && strcmp(o->format, "json") == 0))
        return usage_error("--pretty goes with --format json", 0);
    return -1;
}

/* An option's value: the next argument. */
static const char *option_value(int argc, char **argv, int *i)
{
    return ++*i < argc ? argv[*i] : NULL;
}

int main(int argc, char **argv)
{
    options o;
    const char *cmd = NULL;
    int i;

    memset(&o, 0, sizeof o);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage_text, stdout);
            return finish_output(EXIT_OK);
        } else if (strcmp(a, "--version") == 0) {
            printf("pricing %s (format %s)\n", pricing_version_string(),
                   pricing_format_version());
            return finish_output(EXIT_OK);
        } else if (strcmp(a, "--pretty") == 0) {
            o.flags |= PRICING_JSON_PRETTY;
        } else if (strcmp(a, "--rules") == 0) {
            if (++i >= argc)
                return usage_error("--rules needs a rule set", o.flags);
            o.rules = argv[i];
        } else if (strcmp(a, "--spec") == 0) {
            if (!(o.spec = option_value(argc, argv, &i)))
                return usage_error("--spec needs a spec id", o.flags);
        } else if (strcmp(a, "--format") == 0) {
            if (!(o.format = option_value(argc, argv, &i)))
                return usage_error("--format needs csv or json", o.flags);
        } else if (strcmp(a, "--catalog-version") == 0) {
            if (!(o.version = option_value(argc, argv, &i)))
                return usage_error("--catalog-version needs a version id",
                                   o.flags);
        } else if (strcmp(a, "--old-version") == 0) {
            if (!(o.old_version = option_value(argc, argv, &i)))
                return usage_error("--old-version needs a version id",
                                   o.flags);
        } else if (strcmp(a, "--new-version") == 0) {
            if (!(o.new_version = option_value(argc, argv, &i)))
                return usage_error("--new-version needs a version id",
                                   o.flags);
        } else if (strcmp(a, "--template") == 0) {
            o.template_ = 1;
        } else if (strcmp(a, "--requests") == 0) {
            if (!(o.requests = option_value(argc, argv, &i)))
                return usage_error("--requests needs a file", o.flags);
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option", o.flags);
        } else if (!cmd) {
            cmd = a;
        } else if (o.nargs < 3) {
            o.args[o.nargs++] = a;
        } else {
            return usage_error("too many arguments", o.flags);
        }
    }
    if (!cmd)
        return usage_error("no command", o.flags);
    if ((i = check_options(&o, cmd)) >= 0)
        return i;
    if (strcmp(cmd, "quote") == 0) {
        if (o.nargs > 2)
            return usage_error("quote takes CATALOG and REQUEST", o.flags);
        return cmd_quote(&o);
    }
    if (strcmp(cmd, "validate") == 0) {
        if (o.nargs != 1)
            return usage_error("validate takes one CATALOG", o.flags);
        return cmd_validate(&o);
    }
    if (strcmp(cmd, "batch") == 0) {
        if (o.nargs != 1)
            return usage_error("batch takes one CATALOG", o.flags);
        if (o.flags & PRICING_JSON_PRETTY)
            return usage_error("batch writes one line per request: no --pretty",
                               0);
        return cmd_batch(&o);
    }
    if (strcmp(cmd, "sheet") == 0) {
        if (o.nargs != 1)
            return usage_error("sheet takes one CATALOG", o.flags);
        return cmd_sheet(&o);
    }
    if (strcmp(cmd, "import") == 0) {
        if (o.nargs != 2)
            return usage_error("import takes CATALOG and SHEET", o.flags);
        return cmd_import(&o);
    }
    if (strcmp(cmd, "diff") == 0) {
        if (o.nargs != 2 && o.nargs != 1)
            return usage_error("diff takes OLD and NEW catalogs, or one "
                               "history", o.flags);
        return cmd_diff(&o);
    }
    return usage_error("unknown command", o.flags);
}
