#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""fuzz/gen_corpus.py - writes the seed corpus fuzz/corpus/<target>/.

Seeds are small and derived from the contract's examples
(/work/shared/spec/format.md), examples/catalog.json, the catalog embedded
in fuzz_request.c and the hostile-input list (truncated documents,
duplicate keys, deep nesting, bad UTF-8, NUL, big numbers, limits).
Re-running it rewrites the seed files it names (s-*) and leaves files
added by fuzzing runs (named by their SHA-1) alone.

    python3 fuzz/gen_corpus.py
"""
import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    d = os.path.join(HERE, 'corpus', target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 's-' + name), 'wb') as f:
        f.write(data)


def dumps(o):
    return json.dumps(o, ensure_ascii=False, separators=(',', ':'))


# ------------------------------------------------------------------ catalogs

example = open(os.path.join(ROOT, 'examples', 'catalog.json'), 'rb').read()

contract = {
    "catalog": "acme-crm", "version": "2026-11", "currency": "CNY",
    "rounding": {"mode": "half_up", "at": "total"},
    "specs": [
        {"id": "standard", "name": "Standard edition",
         "billing": "yearly_monthly", "plans": ["month", "year"],
         "counts": {"month": [1, 2, 3, 6, 9], "year": [1, 2, 3]},
         "trial_days": 14,
         "attributes": [
             {"id": "edition", "type": "enum", "values": ["basic", "pro"]},
             {"id": "users", "type": "quantity", "min": 1, "max": 1000,
              "step": 1, "unit": "user"}],
         "template": "custom",
         "skus": [
             {"sku": {"edition": "basic"},
              "prices": {"month": {"quantities": {"users": {"linear": "30.00"}}},
                         "year": {"quantities": {"users": {"linear": "300.00"}}}}},
             {"sku": {"edition": "pro"},
              "prices": {"month": {"base": "100.00",
                                   "quantities": {"users": {"graduated": [
                                       {"up_to": 10, "unit_price": "50.00"},
                                       {"up_to": None, "unit_price": "40.00"}]}}},
                         "year": "9999.00"}}]},
        {"id": "onprem-license", "billing": "one_time", "template": "simple",
         "prices": {"one_time": "19999.00"}}]}


def minimal(**kw):
    c = {"catalog": "c", "currency": "USD",
         "specs": [{"id": "s", "billing": "one_time", "template": "simple",
                    "prices": {"one_time": "1"}}]}
    c.update(kw)
    return c


def tiered(rule, tiers, mode="half_up", at="total", cur="USD", extra=None,
           qmax=1000):
    c = {"catalog": "t", "currency": cur, "rounding": {"mode": mode, "at": at},
         "specs": [{"id": "s", "billing": "yearly_monthly", "trial_days": 7,
                    "attributes": [{"id": "e", "type": "enum", "values": ["a"]},
                                   {"id": "q", "type": "quantity", "min": 0,
                                    "max": qmax}],
                    "template": "custom",
                    "skus": [{"sku": {"e": "a"}, "prices": {"month": {
                        "base": "0.005", "quantities": {"q": {rule: tiers}}}}}]}]}
    if extra:
        c.update(extra)
    return c


TIERS = [{"up_to": 0, "unit_price": "0", "flat": "1.005"},
         {"up_to": 10, "unit_price": "0.333"},
         {"up_to": 100, "unit_price": "0.125", "flat": "2.5"},
         {"up_to": None, "unit_price": "0.0049"}]

cats = {
    'example': example,
    'contract': dumps(contract),
    'contract-pretty': json.dumps(contract, indent=2),
    'minimal': dumps(minimal()),
    'grad-half_even-period': dumps(tiered("graduated", TIERS, "half_even", "period")),
    'vol-floor-line': dumps(tiered("volume", TIERS, "floor", "line", "KWD")),
    'grad-ceiling-total-jpy': dumps(tiered("graduated", TIERS, "ceiling", "total", "JPY")),
    'vol-down-total-clf': dumps(tiered("volume", TIERS, "down", "total", "CLF")),
    'linear-up-xts': dumps(tiered("linear", "0.000000000000000001", "up", "period",
                                  "XTS", {"minor_units": 18}, 10**15)),
    'big-quantity': dumps(tiered("graduated", [{"up_to": 10**15, "unit_price": "999999999999999999.999999999999999999"}],
                                 "half_down", "line", qmax=10**15)),
    # errors of the catalog layer
    'tier-order': dumps(tiered("graduated", [{"up_to": 10, "unit_price": "1"},
                                             {"up_to": 10, "unit_price": "1"}])),
    'tier-null-middle': dumps(tiered("volume", [{"up_to": None, "unit_price": "1"},
                                                {"up_to": 10, "unit_price": "1"}])),
    'tier-coverage': dumps(tiered("graduated", [{"up_to": 10, "unit_price": "1"}])),
    'amount-negative': dumps(minimal(specs=[{"id": "s", "billing": "one_time",
        "template": "simple", "prices": {"one_time": "-5"}}])),
    'amount-inexact': '{"catalog":"c","currency":"USD","specs":[{"id":"s","billing":"one_time","template":"simple","prices":{"one_time":12.5}}]}',
    'amount-16digits': '{"catalog":"c","currency":"USD","specs":[{"id":"s","billing":"one_time","template":"simple","prices":{"one_time":1234567890123456}}]}',
    'amount-exponent': dumps(minimal(specs=[{"id": "s", "billing": "one_time",
        "template": "simple", "prices": {"one_time": "1e999999999"}}])),
    'amount-digits': dumps(minimal(specs=[{"id": "s", "billing": "one_time",
        "template": "simple", "prices": {"one_time": "1234567890123456789.1234567890123456789"}}])),
    'amount-object': dumps(minimal(specs=[{"id": "s", "billing": "one_time",
        "template": "simple", "prices": {"one_time": {"base": None}}}])),
    'number-64chars': '{"catalog":"c","currency":"USD","specs":[{"id":"s","billing":"yearly_monthly","template":"simple","trial_days":1' + '0' * 63 + ',"prices":{"month":"1"}}]}',
    'number-63chars': '{"catalog":"c","currency":"USD","specs":[{"id":"s","billing":"yearly_monthly","template":"simple","trial_days":1' + '0' * 62 + ',"prices":{"month":"1"}}]}',
    'number-65chars': '{"catalog":"c","currency":"USD","specs":[{"id":"s","billing":"yearly_monthly","template":"simple","trial_days":' + '9' * 65 + ',"prices":{"month":"1"}}]}',
    'dup-key-top': '{"catalog":"c","catalog":"d","currency":"USD","specs":[]}',
    'dup-key-nested': '{"catalog":"c","currency":"USD","specs":[{"id":"s","billing":"one_time","template":"simple","prices":{"one_time":"1","one_time":"1000"}}]}',
    'dup-spec-id': dumps(minimal(specs=[minimal()["specs"][0], minimal()["specs"][0]])),
    'dup-enum': dumps({"catalog": "c", "currency": "EUR", "specs": [{"id": "s",
        "billing": "one_time", "template": "custom", "attributes": [
            {"id": "e", "type": "enum", "values": ["a", "a"]}], "skus": []}]}),
    'sku-missing-duplicate': dumps({"catalog": "c", "currency": "EUR", "specs": [{"id": "s",
        "billing": "one_time", "template": "custom", "attributes": [
            {"id": "e", "type": "enum", "values": ["a", "b"]}],
        "skus": [{"sku": {"e": "a"}, "prices": {"one_time": "1"}},
                 {"sku": {"e": "a"}, "available": False}]}]}),
    'unavailable-sku': dumps({"catalog": "c", "currency": "EUR", "specs": [{"id": "s",
        "billing": "yearly_monthly", "template": "custom", "attributes": [
            {"id": "e", "type": "enum", "values": ["a", "b"]},
            {"id": "n", "type": "quantity", "min": 2, "max": 999, "step": 7}],
        "skus": [{"sku": {"e": "a"}, "available": False},
                 {"sku": {"e": "b"}, "prices": {"year": {"quantities": {"n": {"linear": "0.01"}}}}}]}]}),
    'unknown-field-typo': dumps(minimal(trail_days=3)),
    'path-escapes': dumps({"catalog": "c", "currency": "USD", "specs": [{"id": "a/b~c",
        "billing": "one_time", "template": "custom", "attributes": [
            {"id": "x/y~z\"\u001f", "type": "enum", "values": ["\u00e9", "\U0001F600"]}],
        "skus": [{"sku": {"x/y~z\"\u001f": "\u00e9"}, "prices": {"one_time": "1"}},
                 {"sku": {"x/y~z\"\u001f": "\U0001F600"}, "prices": {"one_time": {"w~/": "1"}}}]}]}),
    'currency-nul': '{"catalog":"c","currency":"USD\\u0000EUR","specs":[]}',
    'nul-byte': b'{"catalog":"c",\x00"currency":"USD","specs":[]}',
    'bom': b'\xef\xbb\xbf' + dumps(minimal()).encode(),
    'bad-utf8-value': b'{"catalog":"c\xc0\xaf","currency":"USD","specs":[]}',
    'bad-utf8-key': b'{"catalog":"c","\xed\xa0\x80":"USD","specs":[]}',
    'deep-array': '{"catalog":' + '[' * 65 + ']' * 65 + '}',
    'deep-object': '{"a":' * 64 + '1' + '}' * 64,
    'long-id': dumps(minimal(catalog="x" * 300)),
    'long-string': dumps(minimal(version="v" * 4097)),
    'counts-bad': dumps({"catalog": "c", "currency": "USD", "specs": [{"id": "s",
        "billing": "yearly_monthly", "template": "simple", "counts": {"month": [1, 1, 121]},
        "prices": {"month": "1"}}]}),
    'minor-units-18': dumps(minimal(currency="XXX", minor_units=18)),
    'step-zero-min-max': dumps({"catalog": "c", "currency": "USD", "specs": [{"id": "s",
        "billing": "one_time", "template": "custom", "attributes": [
            {"id": "n", "type": "quantity", "min": 5, "max": 1, "step": 0}],
        "skus": [{"sku": {}, "prices": {"one_time": {"quantities": {"n": {"linear": "1"}}}}}]}]}),
    'many-skus': dumps({"catalog": "c", "currency": "JPY", "rounding": {"mode": "half_even"},
        "specs": [{"id": "s", "billing": "one_time", "template": "custom", "attributes": [
            {"id": "a", "type": "enum", "values": ["0", "1", "2"]},
            {"id": "b", "type": "enum", "values": ["0", "1", "2"]}],
            "skus": [{"sku": {"a": str(i), "b": str(j)}, "prices": {"one_time": "%d.5" % (i * 3 + j)}}
                     for i in range(3) for j in range(3)]}]}),
    'all-unavailable': dumps({"catalog": "c", "currency": "USD", "specs": [{"id": "s",
        "billing": "yearly_monthly", "template": "custom", "attributes": [
            {"id": "e", "type": "enum", "values": ["a", "b"]}],
        "skus": [{"sku": {"e": "a"}, "available": False},
                 {"sku": {"e": "b"}, "available": False}]}]}),
    'empty': b'',
    'whitespace': b' \t\r\n',
    'trailing-data': dumps(minimal()) + ' {}',
}

req_src = open(os.path.join(HERE, 'fuzz_request.c')).read()
m = re.search(r'catalog_template\[\] =\n(.*?);\n', req_src, re.S)
tmpl = ''.join(bytes(s, 'utf-8').decode('unicode_escape') for s in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
tmpl = tmpl.replace('%s-%s-%s', 'CNY-half_up-total', 1)
tmpl = tmpl.replace('"currency":"%s",%s', '"currency":"CNY",', 1)
tmpl = tmpl.replace('"mode":"%s","at":"%s"', '"mode":"half_up","at":"total"', 1)
json.loads(tmpl)
cats['request-catalog'] = tmpl

# Contract 1.2: a history of three versions (one with a second currency)
# and a catalog in four currencies, from the golden cases, and near misses.
for name, case in (('history', 'history-validate'),
                   ('currencies', 'market-validate')):
    with open(os.path.join(ROOT, 'tests', 'cases', case, 'catalog.json')) as f:
        cats[name] = f.read()
# (no catalog discount nor package: fuzz_check_quote knows 1.0 lines only)
cur = json.loads(cats['currencies'])
del cur['specs'][0]['discounts']
del cur['specs'][1]
cats['currencies'] = dumps(cur)
hist = json.loads(cats['history'])
cats['history-one-version'] = dumps(dict(hist, versions=hist['versions'][:1]))
cats['history-effective-order'] = dumps(dict(hist, versions=hist['versions'][::-1]))
cats['currencies-missing-amount'] = cats['currencies'].replace('"USD":"13.99",', '', 1)
cats['dates-only'] = dumps(minimal(effective="2026-01-01", existing_from="2026-03-01"))

for name, data in cats.items():
    write('catalog', name, data)
for cut in (1, 17, 100, 333, len(example) - 2):
    write('catalog', 'truncated-%d' % cut, example[:cut])

# ------------------------------------------------------------------ requests

reqs = {
    'mix-grad-month': {"spec": "mix", "sku": {"edition": "grad", "users": 25, "disk": 100},
                       "plan": "month", "count": 3, "start": "2026-01-31"},
    'mix-grad-zero': {"spec": "mix", "sku": {"edition": "grad", "users": 0, "disk": 10}, "plan": "month"},
    'mix-grad-year': {"spec": "mix", "sku": {"edition": "grad", "users": 1000000000000000, "disk": 1000},
                      "plan": "year", "count": 5},
    'mix-grad-trial': {"spec": "mix", "sku": {"edition": "grad", "users": 11, "disk": 510},
                       "plan": "year", "count": 2, "trial": True, "start": "2024-02-29"},
    'mix-vol-1001': {"spec": "mix", "sku": {"edition": "vol", "users": 1001, "disk": 20}, "plan": "month", "count": 120},
    'mix-vol-1': {"spec": "mix", "sku": {"edition": "vol", "users": 1, "disk": 20}, "plan": "month"},
    'mix-vol-year': {"spec": "mix", "sku": {"edition": "vol", "users": 50, "disk": 30}, "plan": "year", "count": 3},
    'mix-lin-max': {"spec": "mix", "sku": {"edition": "lin", "users": 999999999999999, "disk": 990},
                    "plan": "year", "count": 5},
    'mix-off': {"spec": "mix", "sku": {"edition": "off", "users": 1, "disk": 10}, "plan": "month"},
    'simple-trial': {"spec": "simple", "plan": "month", "trial": True, "start": "2026-01-31"},
    'simple-year-120': {"spec": "simple", "plan": "year", "count": 120, "start": "2024-02-29"},
    'once': {"spec": "once", "start": "2026-12-31"},
    'once-count2': {"spec": "once", "count": 2},
    'seats': {"spec": "seats", "sku": {"n": 97}, "count": 12},
    'seats-step': {"spec": "seats", "sku": {"n": 5}},
    'tiny-a': {"spec": "tiny", "sku": {"k": "a", "q": 7}},
    'tiny-b': {"spec": "tiny", "sku": {"k": "b", "q": 0}, "plan": "one_time"},
    'escaped-spec': {"spec": "a/b~c", "sku": {"x\"y": "\U0001F600", "p": 3, "r": 1000000}, "plan": "month"},
    'escaped-spec-2': {"spec": "a/b~c", "sku": {"x\"y": "\u00e9", "p": 0, "r": 999999}},
    'unknown-spec': {"spec": "nope"},
    'missing-sku': {"spec": "mix", "plan": "month"},
    'missing-attr': {"spec": "mix", "sku": {"edition": "grad"}, "plan": "month"},
    'unknown-attr': {"spec": "mix", "sku": {"Edition": "grad"}},
    'wrong-type': {"spec": "mix", "sku": {"edition": 1, "users": "abc"}},
    'quantity-range': {"spec": "mix", "sku": {"edition": "grad", "users": 1, "disk": 1010}, "plan": "month"},
    'plan-week': {"spec": "mix", "sku": {"edition": "grad", "users": 1, "disk": 10}, "plan": "week"},
    'count-0': {"spec": "simple", "plan": "month", "count": 0},
    'count-121': {"spec": "simple", "plan": "month", "count": 121},
    'count-4-year': {"spec": "mix", "sku": {"edition": "lin", "users": 1, "disk": 10}, "plan": "year", "count": 4},
    'bad-date': {"spec": "simple", "plan": "month", "start": "2026-02-30"},
    'end-overflow': {"spec": "simple", "plan": "year", "count": 120, "start": "9999-12-31"},
    'trial-once': {"spec": "once", "trial": True},
    'unknown-field': {"spec": "simple", "plan": "month", "trail": True},
}
for name, r in reqs.items():
    write('request', name, dumps(r))
raw_reqs = {
    'negative': '{"spec":"mix","sku":{"edition":"grad","users":-1,"disk":10},"plan":"month"}',
    'minus-zero': '{"spec":"mix","sku":{"edition":"grad","users":-0,"disk":10},"plan":"month","count":1}',
    'fraction': '{"spec":"mix","sku":{"edition":"grad","users":1.0,"disk":1e3},"plan":"month"}',
    'big-int': '{"spec":"simple","plan":"month","count":9007199254740993}',
    'number-64': '{"spec":"simple","plan":"month","count":' + '1' + '0' * 63 + '}',
    'number-64-frac': '{"spec":"simple","plan":"month","count":1.' + '0' * 62 + '}',
    'dup-key': '{"spec":"simple","plan":"month","plan":"year"}',
    'dup-key-sku': '{"spec":"mix","sku":{"edition":"grad","edition":"vol","users":1,"disk":10},"plan":"month"}',
    'nul-spec': '{"spec":"simple\\u0000x","plan":"month"}',
    'nul-key': '{"spec":"simple","a\\u0000":1}',
    'nul-byte': b'{"spec":"simple",\x00"plan":"month"}',
    'bad-utf8': b'{"spec":"simple\xff","plan":"month"}',
    'truncated-utf8': b'{"spec":"\xe2\x82',
    'lone-surrogate': '{"spec":"\\ud800","plan":"month"}',
    'bom': b'\xef\xbb\xbf{"spec":"once"}',
    'trailing': '{"spec":"once"} {"spec":"once"}',
    'truncated': '{"spec":"mix","sku":{"edition":"grad","users":25,"disk":1',
    'deep': '{"spec":"once","sku":' + '[' * 70 + ']' * 70 + '}',
    'deep-object': '{"a":' * 64 + '1' + '}' * 64,
    'empty': b'',
    'array': '[]',
    'string': '"once"',
    'control-ws': b'{"spec":\x0b"once"}',
}
for name, r in raw_reqs.items():
    write('request', name, r)

# ------------------------------------------------------------------ decimals

decs = [(0, '0'), (2, '19.99'), (0, '010'), (5, '0.0001'), (18, '123456789012345678'),
        (0, '1234567890123456789'), (0, '123456789012345678.123456789012345678'),
        (0, '1.1234567890123456789'), (3, ''), (0, '.'), (0, '-1'), (0, '1e5'),
        (0, ' 12.5'), (0, '12.5 '), (0, '1 000'), (0, '\u0661\u0662'), (0, '\uff10'),
        (0, '1.'), (0, '.5'), (0, '0x10'), (0, '+5'), (0, 'NaN'), (7, '0.000000000000000001'),
        (9, '999999999999999999.999999999999999999'), (1, '00000000000000000.5'),
        (4, '1,50'), (0, '5-'), (0, '1.2.3'), (11, '100'), (17, '0.10')]
for i, (scale, s) in enumerate(decs):
    write('decimal', '%02d' % i, bytes([scale]) + s.encode('utf-8'))
write('decimal', 'binary', bytes(range(256)))
write('decimal', 'nul', b'\x00\x001\x00')

# ------------------------------------------------------------------ batch

def lines(*rs):
    return '\n'.join(r if isinstance(r, str) else dumps(r) for r in rs)

ex = {"spec": "standard", "sku": {"edition": "pro", "users": 25}, "plan": "month",
      "count": 3, "start": "2026-01-31"}
batches = {
    'example': lines(ex) + '\n',
    'mixed': lines(ex, {"spec": "starter", "plan": "year", "count": 2},
                   {"spec": "onprem-license"}, '{"spec":', '',
                   {"spec": "standard", "sku": {"edition": "enterprise", "users": 501},
                    "plan": "month", "trial": True},
                   {"spec": "standard", "sku": {"edition": "basic", "users": 1000}, "plan": "year", "count": 3}),
    'no-final-newline': lines({"spec": "onprem-license"}, {"spec": "starter", "plan": "month", "count": 6}),
    'empty-lines': '\n\n\n',
    'crlf': lines(ex, {"spec": "onprem-license"}).replace('\n', '\r\n') + '\r\n',
    'errors': lines({"spec": "nope"}, {"spec": "standard"}, '[]', 'null', '{"a":1,"a":2}',
                    '{"spec":"starter","plan":"month","count":4}'),
    'enterprise-tiers': lines(*[{"spec": "standard", "sku": {"edition": "enterprise", "users": u},
                                 "plan": "month"} for u in (1, 50, 51, 500, 501, 1000)]),
    'pro-tiers': lines(*[{"spec": "standard", "sku": {"edition": "pro", "users": u},
                          "plan": p} for u in (1, 10, 11, 100, 101) for p in ("month", "year")]),
    'nul-bytes': b'{"spec":"onprem-license"}\n\x00\n{"spec":"onprem-license"}\x00\n',
    'bad-utf8': b'{"spec":"\xc3\x28"}\n{"spec":"onprem-license"}',
    'deep': '[' * 100 + '\n' + '{"spec":"onprem-license"}',
    'starter-counts': lines(*[{"spec": "starter", "plan": p, "count": c}
                              for p in ("month", "year") for c in (1, 2, 3, 6)]),
    'basic-linear': lines(*[{"spec": "standard", "sku": {"edition": "basic", "users": u},
                             "plan": "month", "count": 6} for u in (1, 333, 1000, 1001, 0)]),
    'onprem-start': lines({"spec": "onprem-license", "start": "2026-02-28"},
                          {"spec": "onprem-license", "count": 2},
                          {"spec": "onprem-license", "plan": "month"}),
    'service-ends': lines(*[{"spec": "standard", "sku": {"edition": "pro", "users": 2},
                             "plan": "month", "count": 1, "start": d}
                            for d in ("2024-01-31", "2100-01-29", "9999-11-30", "9999-12-01")]),
    'duplicates': '{"spec":"starter","plan":"month","plan":"year"}\n{"spec":"standard","sku":{"users":1,"users":2}}',
    'numbers': '{"spec":"starter","plan":"month","count":1.0}\n{"spec":"starter","plan":"month","count":-1}\n{"spec":"starter","plan":"month","count":1e2}\n{"spec":"starter","plan":"month","count":' + '9' * 64 + '}',
    'long-line': lines({"spec": "standard", "sku": {"edition": "pro", "users": 7},
                        "plan": "month", "start": "2026-01-31"}) + '\n' + ' ' * 3000 + '{"spec":"onprem-license"}' + ' ' * 3000,
    'only-ws-lines': ' \n\t\n\r\n',
    'escapes': lines('{"spec":"\\u0073tarter","plan":"\\u006donth"}', '{"spec":"starter\\n","plan":"month"}'),
    'utf8-ids': lines({"spec": "\u00e9" * 70}, {"spec": "standard", "sku": {"\U0001F600" * 20: 1}}),
    'trial-start': lines({"spec": "standard", "sku": {"edition": "basic", "users": 3},
                          "plan": "year", "trial": True, "start": "2024-12-25"}),
}
for name, b in batches.items():
    write('batch', name, b)

# ---------------------------------------------------------------- seller
# One seed per sheet, import and diff case of tests/cases: a mode byte
# (i import, d diff, r diff --requests, s round trip), then the case's
# files separated by the line "--8<--" (FUZZ_SEP in fuzz_seller.c); an
# empty catalog part stands for examples/catalog.json.
SEP = b'\n--8<--\n'
CASES = os.path.join(ROOT, 'tests', 'cases')


def case_file(case, name):
    path = os.path.join(CASES, case, name)
    if not os.path.exists(path):
        return None
    with open(path, 'rb') as f:
        return f.read()


for case in sorted(os.listdir(CASES)):
    group = case.split('-')[0]
    if group not in ('sheet', 'import', 'diff', 'lint'):
        continue
    # lint: one seed a catalog; the round trip takes no history
    if group == 'lint' and (case.endswith(('-strict', '-text', '-error'))
                            or 'history' in case):
        continue
    if group in ('sheet', 'lint'):
        cat = case_file(case, 'catalog.json')
        if cat is not None:
            write('seller', case, b's' + cat)
    elif group == 'import':
        cat, csv = case_file(case, 'catalog.json'), case_file(case, 'sheet.csv')
        if cat is not None and csv is not None:
            write('seller', case, b'i' + cat + SEP + csv)
    else:
        old, new = case_file(case, 'old.json'), case_file(case, 'new.json')
        reqs = case_file(case, 'requests.jsonl')
        if old is None or new is None:
            continue
        if reqs is None:
            write('seller', case, b'd' + old + SEP + new)
        else:
            write('seller', case, b'r' + old + SEP + new + SEP + reqs)
write('seller', 'example-round-trip', b's')
write('seller', 'example-diff-self', b'd' + SEP)
write('seller', 'example-requests', b'r' + SEP + SEP + b'{"spec":"starter","plan":"month"}\n\n{"spec":"standard","sku":{"edition":"pro","users":11},"plan":"year"}')
write('seller', 'example-import-empty', b'i' + SEP)
write('seller', 'example-import-header', b'i' + SEP + case_file('import-unchanged', 'sheet.csv').split(b'\n')[0] + b'\n')
