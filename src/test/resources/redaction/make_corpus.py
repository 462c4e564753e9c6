#!/usr/bin/env python3
"""Writes corpus.txt: hand-written Polish and English customer-service chat lines whose identifiers
are generated here, with computed check digits (seeded, so the output is stable). No value belongs to
a real person: PESEL/NIP/IBAN/NRB numbers are synthetic, cards are the networks' documented test
numbers or synthetic Luhn numbers, emails use reserved domains (example.*, .test), IPs the documentation
ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32), UK phones the drama ranges.

Line format: "pl<TAB>text" or "en<TAB>text"; every identifier is labelled inline as {{TYPE:value}};
everything unlabelled is a negative. Run: python3 make_corpus.py > corpus.txt
"""
import random
import re
import sys

rnd = random.Random(20261129)


def pesel(year=None, month=None, day=None, good=True):
    year = year or rnd.randint(1930, 2009)
    month = month or rnd.randint(1, 12)
    day = day or rnd.randint(1, 28)
    offset = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[year // 100]
    body = f"{year % 100:02d}{month + offset:02d}{day:02d}{rnd.randint(0, 9999):04d}"
    check = (10 - sum(int(d) * w for d, w in zip(body, [1, 3, 7, 9] * 3)) % 10) % 10
    return body + str(check if good else (check + rnd.randint(1, 9)) % 10)


def pesel_bad_date():
    # a right check digit over an impossible date (30 February or month 13)
    while True:
        body = rnd.choice([f"{rnd.randint(0, 99):02d}0230", f"{rnd.randint(0, 99):02d}1315"]) + f"{rnd.randint(0, 9999):04d}"
        check = (10 - sum(int(d) * w for d, w in zip(body, [1, 3, 7, 9] * 3)) % 10) % 10
        return body + str(check)


def nip(good=True):
    while True:
        body = str(rnd.randint(101, 999)) + f"{rnd.randint(0, 999999):06d}"
        check = sum(int(d) * w for d, w in zip(body, [6, 5, 7, 2, 3, 4, 5, 6, 7])) % 11
        if check == 10:
            continue
        return body + str(check if good else (check + rnd.randint(1, 9)) % 10)


def nip_format(n, style):
    return {"plain": n, "dash": f"{n[:3]}-{n[3:6]}-{n[6:8]}-{n[8:]}", "dash2": f"{n[:3]}-{n[3:5]}-{n[5:7]}-{n[7:]}",
            "space": f"{n[:3]} {n[3:6]} {n[6:8]} {n[8:]}", "pl": "PL" + n}[style]


def regon(length=9, good=True):
    w9, w14 = [8, 9, 2, 3, 4, 5, 6, 7], [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]
    body = f"{rnd.randint(10 ** 7, 10 ** 8 - 1)}"
    n = body + str(sum(int(d) * w for d, w in zip(body, w9)) % 11 % 10)
    if length == 14:
        n += f"{rnd.randint(0, 9999):04d}"
        n += str(sum(int(d) * w for d, w in zip(n, w14)) % 11 % 10)
    if not good:
        n = n[:-1] + str((int(n[-1]) + rnd.randint(1, 9)) % 10)
    return n


def digits_iban(country, bban_digits, good=True):
    bban = "".join(str(rnd.randint(0, 9)) for _ in range(bban_digits))
    check = iban_check(country, bban)
    if not good:
        check = f"{(int(check) + rnd.randint(1, 50)) % 97 + 2:02d}"
    return country + check + bban


def iban_check(country, bban):
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(digits) % 97:02d}"


def pl_iban(good=True):
    bban = f"{rnd.choice(['1090', '1140', '1020', '1050', '2490', '1160'])}{rnd.randint(0, 9999):04d}" + f"{rnd.randint(0, 10**16 - 1):016d}"
    check = iban_check("PL", bban)
    if not good:
        check = f"{(int(check) + rnd.randint(1, 50)) % 97 + 2:02d}"
    return "PL" + check + bban


def foreign_iban(country):
    bban = {"DE": lambda: f"{rnd.randint(10**17, 10**18 - 1)}",
            "GB": lambda: "NWBK" + f"{rnd.randint(10**13, 10**14 - 1)}",
            "FR": lambda: f"{rnd.randint(10**22, 10**23 - 1)}",
            "ES": lambda: f"{rnd.randint(10**19, 10**20 - 1)}",
            "IE": lambda: "AIBK" + f"{rnd.randint(10**13, 10**14 - 1)}"}[country]()
    if country == "FR":  # French BBAN ends with its own RIB key (97 - (89*bank + 15*branch + 3*account) mod 97)
        b, g, a = int(bban[:5]), int(bban[5:10]), int(bban[10:21])
        bban = bban[:21] + f"{97 - (89 * b + 15 * g + 3 * a) % 97:02d}"
    if country == "ES":  # Spanish BBAN: bank 4, branch 4, two control digits, account 10
        w = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
        def dc(s):
            r = 11 - sum(int(x) * y for x, y in zip(s.rjust(10, "0"), w)) % 11
            return {11: 0, 10: 1}.get(r, r)
        bb, acc = bban[:8], bban[10:20]
        bban = bb + f"{dc('00' + bb)}{dc(acc)}" + acc
    return country + iban_check(country, bban) + bban


def spaced(s, first=4):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def nrb_spaced(n):
    return n[:2] + " " + " ".join(n[i:i + 4] for i in range(2, 26, 4))


def luhn_complete(body):
    total = 0
    for i, d in enumerate(reversed(body)):
        v = int(d) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return body + str((10 - total % 10) % 10)


TEST_CARDS = ["4111111111111111", "4012888888881881", "5555555555554444", "5105105105105100", "2223003122003222",
              "378282246310005", "371449635398431", "6011111111111117", "6011000990139424", "3530111333300000",
              "3566002020360505", "30569309025904", "38520000023237", "6200000000000005", "6759649826438453",
              "4000056655665556", "5200828282828210", "4242424242424242"]


def card_format(c, style):
    if style == "plain":
        return c
    sep = " " if style == "space" else "-"
    if len(c) == 15:
        return sep.join([c[:4], c[4:10], c[10:]])
    if len(c) == 14:
        return sep.join([c[:4], c[4:10], c[10:]])
    return sep.join(c[i:i + 4] for i in range(0, len(c), 4))


def luhn_bad_iin():
    # Luhn-valid, 16 digits, but in no card network's range (7, 8, 9, 1 are not card IINs)
    return luhn_complete(rnd.choice("1789") + "".join(rnd.choice("0123456789") for _ in range(14)))


def card_bad_luhn():
    c = rnd.choice(TEST_CARDS)
    return c[:-1] + str((int(c[-1]) + rnd.randint(1, 9)) % 10)


def pl_phone(style):
    mobile = rnd.choice(["500", "512", "530", "570", "600", "601", "660", "691", "722", "733", "781", "793", "880"]) + f"{rnd.randint(0, 999999):06d}"
    land = rnd.choice(["12", "22", "32", "42", "58", "61", "71", "81", "91"]) + str(rnd.randint(2, 8)) + f"{rnd.randint(0, 999999):06d}"
    m, l = mobile, land
    return {
        "m-space": f"{m[:3]} {m[3:6]} {m[6:]}", "m-dash": f"{m[:3]}-{m[3:6]}-{m[6:]}", "m-plain": m,
        "m-intl": f"+48 {m[:3]} {m[3:6]} {m[6:]}", "m-intl-plain": "+48" + m, "m-00": f"0048 {m[:3]} {m[3:6]} {m[6:]}",
        "m-dot": f"{m[:3]}.{m[3:6]}.{m[6:]}",
        "l-paren": f"({l[:2]}) {l[2:5]} {l[5:7]} {l[7:]}", "l-space": f"{l[:2]} {l[2:5]} {l[5:7]} {l[7:]}",
        "l-dash": f"{l[:2]}-{l[2:5]}-{l[5:7]}-{l[7:]}", "l-intl": f"+48 {l[:2]} {l[2:5]} {l[5:7]} {l[7:]}",
        "l-mixed": f"{l[:2]} {l[2:5]}-{l[5:7]}-{l[7:]}",
    }[style]


def foreign_phone(kind):
    x = rnd.randint(0, 999)
    return {"uk-london": f"+44 20 7946 0{x:03d}", "uk-manchester": f"+44 161 496 0{x:03d}",
            "us": f"+1 ({rnd.choice(['212', '415', '312', '617'])}) 555-01{x % 100:02d}",
            "us-plain": f"+1 {rnd.choice(['202', '646', '305'])} 555 01{x % 100:02d}",
            "de": f"+49 30 {rnd.randint(2000000, 9999999)}{rnd.randint(0, 9)}", "cz": f"+420 601 {x:03d} {rnd.randint(100, 999)}",
            "ie": f"+353 1 {rnd.randint(200, 999)} {rnd.randint(1000, 9999)}", "uk-00": f"0044 20 7946 0{x:03d}"}[kind]


FIRST = ["jan", "anna", "piotr", "kasia", "tomasz", "ola", "john", "mary", "sam", "emma", "lukasz", "zofia"]
LAST = ["kowalski", "nowak", "wisniewska", "smith", "brown", "lewandowski", "taylor", "zielinska"]


def email(style):
    f, l = rnd.choice(FIRST), rnd.choice(LAST)
    return {"dot": f"{f}.{l}@example.com", "plus": f"{f}+sklep@example.org", "sub": f"{f}.{l}@mail.example.co.uk",
            "digits": f"{f}{rnd.randint(1, 99)}@example.net", "under": f"{f}_{l}@dział-obsługi.example",
            "idn": f"{f}@łódź-sklep.example", "idn2": f"kontakt@zażółć.test", "upper": f"{f.capitalize()}.{l.capitalize()}@Example.COM",
            "dash": f"{f}-{l}@firma-przyklad.test", "pl": f"{f}.{l}@poczta.example.pl"}[style]


def ipv4():
    return rnd.choice(["192.0.2.", "198.51.100.", "203.0.113."]) + str(rnd.randint(1, 254))


def ipv6(style):
    g = lambda: f"{rnd.randint(0, 0xffff):x}"
    return {"full": f"2001:db8:{g()}:{g()}:{g()}:{g()}:{g()}:{g()}", "short": f"2001:db8::{g()}",
            "mid": f"2001:db8:{g()}::{g()}:{g()}", "v4": f"::ffff:{ipv4()}", "link": "fe80::1"}[style]


def L(kind, value):
    return "{{" + kind + ":" + value + "}}"


# Each token is replaced by a generated value; labelled ones become {{TYPE:value}}.
TOKENS = {
    "PESEL": lambda: L("PESEL", pesel()), "PESEL1800": lambda: L("PESEL", pesel(year=rnd.randint(1870, 1899))),
    "PESEL2000": lambda: L("PESEL", pesel(year=rnd.randint(2000, 2024))), "PESEL2100": lambda: L("PESEL", pesel(year=rnd.randint(2100, 2130))),
    "PESEL2200": lambda: L("PESEL", pesel(year=rnd.randint(2200, 2230))), "PESEL_LEAP": lambda: L("PESEL", pesel(year=2000, month=2, day=29)),
    "PESEL_BAD": lambda: pesel(good=False), "PESEL_RAW": lambda: pesel(), "PESEL_BADDATE": pesel_bad_date,
    "NIP": lambda: L("NIP", nip_format(nip(), "plain")), "NIP_DASH": lambda: L("NIP", nip_format(nip(), "dash")),
    "NIP_DASH2": lambda: L("NIP", nip_format(nip(), "dash2")), "NIP_SPACE": lambda: L("NIP", nip_format(nip(), "space")),
    "NIP_PL": lambda: L("EU_VAT", nip_format(nip(), "pl")), "NIP_PL_SPACE": lambda: L("EU_VAT", "PL " + nip()),
    "NIP_PL_DASH": lambda: L("EU_VAT", "PL " + nip_format(nip(), "dash")),
    "NIP_PL_GLUED_DASH": lambda: L("EU_VAT", "PL" + nip_format(nip(), "dash2")),
    "REGON9": lambda: L("REGON", regon()), "REGON14": lambda: L("REGON", regon(14)),
    "REGON9_GROUPED": lambda: L("REGON", (lambda r: f"{r[:3]} {r[3:6]} {r[6:]}")(regon())),
    "REGON_BAD": lambda: regon(good=False),
    "IBAN_BE_SPACED": lambda: L("IBAN", (lambda i: f"{i[:2]} {i[2:4]} " + spaced(i[4:]))(digits_iban("BE", 12))),
    "IBAN_NO_SPACED": lambda: L("IBAN", (lambda i: f"{i[:2]} {i[2:]}")(digits_iban("NO", 11))),
    "IBAN_MK_ODD": lambda: L("IBAN", (lambda i: f"{i[:5]} {i[5:9]} {i[9:13]} {i[13:17]} {i[17:]}")(digits_iban("MK", 15))),
    "IBAN_ME_SPACED": lambda: L("IBAN", (lambda i: f"{i[:2]} " + spaced(i[2:]))(digits_iban("ME", 18))),
    "IBAN_TL_SPACED": lambda: L("IBAN", (lambda i: f"{i[:4]} " + spaced(i[4:]))(digits_iban("TL", 19))),
    "IBAN_DE_DASH": lambda: L("IBAN", "-".join(spaced(foreign_iban("DE")).split(" "))),
    "IBAN_GB_LOWER": lambda: L("IBAN", spaced(foreign_iban("GB")).lower()),
    "IBAN_BE_BAD": lambda: (lambda i: f"{i[:2]} {i[2:4]} " + spaced(i[4:]))(digits_iban("BE", 12, good=False)), "NIP_BAD": lambda: nip_format(nip(good=False), rnd.choice(["plain", "dash"])),
    "IBAN_PL": lambda: L("IBAN", spaced(pl_iban())), "IBAN_PL_COMPACT": lambda: L("IBAN", pl_iban()),
    "NRB": lambda: L("IBAN", pl_iban()[2:]), "NRB_SPACED": lambda: L("IBAN", nrb_spaced(pl_iban()[2:])),
    "IBAN_DE": lambda: L("IBAN", spaced(foreign_iban("DE"))), "IBAN_GB": lambda: L("IBAN", spaced(foreign_iban("GB"))),
    "IBAN_FR": lambda: L("IBAN", foreign_iban("FR")), "IBAN_ES": lambda: L("IBAN", spaced(foreign_iban("ES"))),
    "IBAN_IE": lambda: L("IBAN", foreign_iban("IE")),
    "IBAN_BAD": lambda: spaced(pl_iban(good=False)), "NRB_BAD": lambda: nrb_spaced(pl_iban(good=False)[2:]),
    "CARD": lambda: L("CARD", card_format(rnd.choice(TEST_CARDS), rnd.choice(["plain", "space", "dash"]))),
    "CARD_SPACE": lambda: L("CARD", card_format(rnd.choice(TEST_CARDS), "space")),
    "CARD_BAD_IIN": lambda: card_format(luhn_bad_iin(), rnd.choice(["plain", "space"])),
    "CARD_BAD_LUHN": lambda: card_format(card_bad_luhn(), rnd.choice(["plain", "space"])),
    "EMAIL": lambda: L("EMAIL", email(rnd.choice(["dot", "plus", "sub", "digits", "dash", "pl"]))),
    "EMAIL_IDN": lambda: L("EMAIL", email(rnd.choice(["idn", "idn2", "under"]))), "EMAIL_UPPER": lambda: L("EMAIL", email("upper")),
    "IPV4": lambda: L("IPV4", ipv4()), "IPV6": lambda: L("IPV6", ipv6(rnd.choice(["full", "short", "mid"]))),
    "IPV6_V4": lambda: L("IPV6", ipv6("v4")), "IPV6_LINK": lambda: L("IPV6", ipv6("link")),
}
for style in ["m-space", "m-dash", "m-plain", "m-intl", "m-intl-plain", "m-00", "m-dot", "l-paren", "l-space", "l-dash", "l-intl", "l-mixed"]:
    TOKENS["PHONE_" + style.upper().replace("-", "_")] = (lambda st: lambda: L("PHONE", pl_phone(st)))(style)
for kind in ["uk-london", "uk-manchester", "us", "us-plain", "de", "cz", "ie", "uk-00"]:
    TOKENS["PHONE_" + kind.upper().replace("-", "_")] = (lambda k: lambda: L("PHONE", foreign_phone(k)))(kind)


def main():
    out = [l.rstrip("\n") for l in open(sys.argv[1] if len(sys.argv) > 1 else "corpus-templates.txt", encoding="utf-8")]
    for line in out:
        if not line.strip() or line.startswith("#"):
            print(line)
            continue
        print(re.sub(r"<([A-Z0-9_]+)>", lambda m: TOKENS[m.group(1)](), line))


main()
