/* SPDX-License-Identifier: MIT */
/* commands.c - the pricing command's table and the handlers of quote,
 * validate, sheet, import and diff (batch is in batch.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "io.h"
#include "progress.h"

#define OPTION_BIT(id, value, pad, help) | (1u << OPT_##id)
#define COMMAND(name, pad, operands, least, most, summary, text)              \
    {#name, 0u PRICING_OPTIONS_##name(OPTION_BIT), least, most, cmd_##name},

const cli_command cli_commands[] = {PRICING_COMMANDS(COMMAND){NULL, 0, 0, 0,
                                                              NULL}};

const cli_command *cli_find_command(const char *name)
{
    const cli_command *c;
    for (c = cli_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* The name messages give a file: "<stdin>" for "-". */
static const char *input_name(const char *file)
{
    return strcmp(file, "-") == 0 ? "<stdin>" : file;
}

/* pricing quote with no CATALOG: one envelope on standard input. */
static int quote_envelope(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_error err;
    const char *source = NULL; /* a read error names standard input */
    char *req = NULL;
    size_t len = 0;
    int rc;

    pricing_error_init(&err);
    rc = cli_read_stream(&req, &len, stdin, PRICING_MAX_CATALOG_BYTES,
                         "<stdin>", &err);
    if (rc == 0) {
        source = "<stdin>";
        pricing_error_init(&err);
        rc = pricing_envelope_quote_json(&buf, req, len, o->flags, &err);
    }
    free(req);
    return cli_print_result(rc, &buf, &err, o->flags, source);
}

int cmd_quote(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    const char *file = o->nargs > 1 ? o->args[1] : "-", *source = o->args[0];
    char *req = NULL;
    size_t len = 0;
    int rc;

    if (o->nargs == 0)
        return quote_envelope(o);
    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0) {
        source = NULL; /* a read error names its file */
        rc = cli_read_file(&req, &len, file, PRICING_MAX_REQUEST_BYTES, &err);
    }
    if (rc == 0) {
        source = input_name(file);
        rc = pricing_quote_json(&buf, cat, req, len, NULL, o->flags, &err);
    }
    free(req);
    pricing_catalog_free(cat);
    return cli_print_result(rc, &buf, &err, o->flags, source);
}

/* A catalog's warnings, one line each on standard error, "pricing: FILE:
 * warning: CODE at PATH: MESSAGE": the summary on standard output keeps
 * its bytes. */
static void say_warnings(const pricing_catalog *cat, const char *source)
{
    pricing_warning w;
    size_t i, n = pricing_catalog_warning_count(cat);
    for (i = 0; i < n; i++)
        if (pricing_catalog_warning(&w, cat, i, NULL) == 0)
            fprintf(stderr, "pricing: %s: warning: %s at %s: %s\n", source,
                    w.code, w.path, w.message);
}

int cmd_validate(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    int rc;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0 && o->value[OPT_rules])
        rc = pricing_catalog_check_rules(cat, o->value[OPT_rules], &err);
    if (rc == 0)
        rc = pricing_catalog_write_summary(&buf, cat, o->flags, &err);
    if (rc == 0)
        say_warnings(cat, input_name(o->args[0]));
    pricing_catalog_free(cat);
    return cli_print_result(rc, &buf, &err, o->flags,
                            err.code == PRICING_INVALID_ARGUMENT ? NULL
                                                                 : o->args[0]);
}

/* Contract 1.2: the version of cat named id (NULL: cat itself, the
 * newest); invalid_argument when it has none of that name. */
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

/* The version of cat just before v (a diff of one history). */
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

int cmd_sheet(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    const char *format = o->value[OPT_format];
    int json = format && strcmp(format, "json") == 0, rc, status;
    int html = format && strcmp(format, "html") == 0;
    unsigned flags = o->flags | (json ? PRICING_SHEET_JSON : PRICING_SHEET_CSV) |
                     (o->value[OPT_template] ? PRICING_SHEET_TEMPLATE : 0u);
    if (html)
        flags = (flags & ~PRICING_SHEET_CSV) | PRICING_SHEET_HTML;

    const pricing_catalog *v = NULL;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0)
        rc = pick_version(&v, cat, o->value[OPT_of], &err);
    if (rc == 0)
        rc = pricing_catalog_sheet(&buf, v, o->value[OPT_spec], flags, &err);
    pricing_catalog_free(cat);
    if (json || rc != 0)
        return cli_print_result(rc, &buf, &err, o->flags, o->args[0]);
    /* A CSV sheet is printed as it is: it ends its own last line (CRLF). */
    status = buf.size && fwrite(buf.data, 1, buf.size, stdout) != buf.size
                 ? EXIT_IO
                 : EXIT_OK;
    pricing_buffer_dispose(&buf);
    return cli_finish_output(status);
}

/* An SVG chart, printed as it is (it ends with a newline). */
int cmd_chart(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    const pricing_catalog *v = NULL;
    pricing_error err;
    int rc, status;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0)
        rc = pick_version(&v, cat, o->value[OPT_of], &err);
    if (rc == 0)
        rc = pricing_catalog_chart(&buf, v, o->value[OPT_spec],
                                   o->value[OPT_attribute],
                                   o->value[OPT_plan], o->value[OPT_sku], 0,
                                   &err);
    pricing_catalog_free(cat);
    if (rc != 0)
        return cli_print_result(rc, &buf, &err, o->flags, o->args[0]);
    status = buf.size && fwrite(buf.data, 1, buf.size, stdout) != buf.size
                 ? EXIT_IO
                 : EXIT_OK;
    pricing_buffer_dispose(&buf);
    return cli_finish_output(status);
}

/* A rejected sheet: the library wrote every bad cell into buf. */
static int print_rejected_sheet(pricing_buffer *buf, const pricing_error *err,
                                const char *source)
{
    int status = cli_status_of(err->code);

    cli_say_error(err, source);
    if (cli_emit(buf) != 0)
        status = EXIT_IO;
    pricing_buffer_dispose(buf);
    return cli_finish_output(status);
}

int cmd_import(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *cat = NULL;
    pricing_error err;
    const char *source = o->args[0];
    char *csv = NULL;
    size_t len = 0;
    int rc, sheet_failed = 0;
    const pricing_catalog *v = NULL;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&cat, o->args[0], &err);
    if (rc == 0) {
        source = NULL;
        rc = pick_version(&v, cat, o->value[OPT_of], &err);
    }
    if (rc == 0)
        rc = cli_read_file(&csv, &len, o->args[1], PRICING_MAX_CATALOG_BYTES,
                           &err);
    if (rc == 0) {
        progress p;
        progress_init(&p, "import", 0, o->value[OPT_quiet] != NULL);
        progress_note(&p, csv, len, "rows");
        source = input_name(o->args[1]);
        rc = pricing_catalog_import_sheet(&buf, v, csv, len, o->flags, &err);
        progress_end(&p);
        sheet_failed = rc != 0 && buf.size > 0;
    }
    free(csv);
    pricing_catalog_free(cat);
    if (sheet_failed)
        return print_rejected_sheet(&buf, &err, source);
    return cli_print_result(rc, &buf, &err, o->flags, source);
}

int cmd_diff(const options *o)
{
    pricing_buffer buf = PRICING_BUFFER_INIT;
    pricing_catalog *old_cat = NULL, *new_cat = NULL;
    pricing_error err;
    const char *requests = o->value[OPT_requests], *source = o->args[0];
    char *jsonl = NULL;
    size_t len = 0;
    int rc;

    const pricing_catalog *a = NULL, *b = NULL;

    pricing_error_init(&err);
    rc = pricing_catalog_load_file(&old_cat, o->args[0], &err);
    if (rc == 0 && o->nargs == 2) {
        source = o->args[1];
        rc = pricing_catalog_load_file(&new_cat, o->args[1], &err);
    }
    source = rc == 0 ? NULL : source;
    if (rc == 0)
        rc = pick_version(&b, new_cat ? new_cat : old_cat, o->value[OPT_new],
                          &err);
    if (rc == 0 && (new_cat || o->value[OPT_old]))
        rc = pick_version(&a, old_cat, o->value[OPT_old], &err);
    if (rc == 0 && !a) /* one history: the version before b */
        rc = previous_version(&a, old_cat, b, &err);
    if (rc == 0 && requests)
        rc = cli_read_file(&jsonl, &len, requests, PRICING_MAX_CATALOG_BYTES,
                           &err);
    if (rc == 0 && requests) {
        progress p;
        progress_init(&p, "diff", 0, o->value[OPT_quiet] != NULL);
        progress_note(&p, jsonl, len, "requests");
        rc = pricing_catalog_diff_requests(&buf, a, b, jsonl, len, o->flags,
                                           &err);
        progress_end(&p);
    } else if (rc == 0)
        rc = pricing_catalog_diff(&buf, a, b, o->flags, &err);
    free(jsonl);
    pricing_catalog_free(old_cat);
    pricing_catalog_free(new_cat);
    return cli_print_result(rc, &buf, &err, o->flags, source);
}
