#!/usr/bin/env python3
"""Compares include/ntmsapi.h and include/ntmsmli.h with mingw-w64's headers
for one architecture, without running anything built for it.

What is compared comes from mingw-w64's own headers (clang's AST): every
structure/union typedef (size and alignment), every field (offset, size),
every enumeration constant, every integer #define, and every function's
stdcall decoration. A probe file turns each fact into one element of a
constant array; it is compiled once against each header set, and the two
arrays are read back from the object files and compared element by element.

usage: abi_check.py <x86_64|i686> <project-include-dir> [--self-test]
"""
import json, os, re, subprocess, sys, tempfile

arch, ours = sys.argv[1], os.path.abspath(sys.argv[2])
self_test = '--self-test' in sys.argv
triple = f'{arch}-w64-mingw32'
sysinc = f'/usr/{triple}/include'
CC = f'{triple}-gcc'

def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout

def mingw_facts(work):
    src = os.path.join(work, 'ast.c')
    with open(src, 'w') as f:
        f.write(f'#include <windows.h>\n#include "{sysinc}/ntmsapi.h"\n#include "{sysinc}/ntmsmli.h"\n')
    ast = json.loads(run(['clang', '-Xclang', '-ast-dump=json', '-fsyntax-only', f'--target={triple}',
                          '-isystem', sysinc, src]))
    records, enums, functions = {}, [], []
    def from_header(node):
        loc = node.get('loc', {})
        return 'ntms' in (loc.get('file') or loc.get('includedFrom', {}).get('file') or '')
    current_file = ['']
    def walk(node):
        loc = node.get('loc', {})
        if 'file' in loc:
            current_file[0] = loc['file']
        mine = 'ntms' in current_file[0]
        kind = node.get('kind')
        if mine and kind == 'TypedefDecl':
            inner = node.get('type', {}).get('qualType', '')
            if (inner.startswith('struct') or inner.startswith('union') or '(anonymous' in inner) \
               and not inner.rstrip().endswith('*'):
                records[node['name']] = None
        if mine and kind == 'EnumConstantDecl':
            enums.append(node['name'])
        if mine and kind == 'FunctionDecl':
            functions.append(node['name'])
        for child in node.get('inner', []):
            walk(child)
    walk(ast)
    # fields per typedef: ask clang for the record layout is heavy; parse fields from AST instead
    fields = {}
    current_file[0] = ''
    def collect(node, typedef_targets):
        loc = node.get('loc', {})
        if 'file' in loc:
            current_file[0] = loc['file']
        if node.get('kind') == 'RecordDecl' and 'ntms' in current_file[0]:
            names = [c['name'] for c in node.get('inner', []) if c.get('kind') == 'FieldDecl' and c.get('name')]
            tag = node.get('name')
            fields[node['id']] = (tag, names)
        for child in node.get('inner', []):
            collect(child, typedef_targets)
    collect(ast, None)
    # typedef -> record id
    typedef_fields = {}
    def link(node):
        if node.get('kind') == 'TypedefDecl' and node['name'] in records:
            owned = node.get('inner', [{}])[0]
            decl = owned.get('ownedTagDecl') or owned.get('decl') or {}
            rid = decl.get('id')
            if rid is None:
                for sub in owned.get('inner', []):
                    d = sub.get('ownedTagDecl') or sub.get('decl') or {}
                    rid = rid or d.get('id')
            if rid in fields:
                typedef_fields[node['name']] = fields[rid][1]
        for child in node.get('inner', []):
            link(child)
    link(ast)
    defines = run([CC, '-dM', '-E', '-x', 'c', '-', ], input=f'#include <windows.h>\n#include "{sysinc}/ntmsapi.h"\n#include "{sysinc}/ntmsmli.h"\n')
    macros = sorted({m.group(1) for m in re.finditer(r'#define ((?:NTMS|NTMSMLI)_[A-Z0-9_]+) (?:0x[0-9A-Fa-f]+|[0-9]+|\(?NTMS_[A-Z_|() ]+\)?)$', defines, re.M)})
    return typedef_fields, sorted(set(enums)), macros, sorted(set(functions))

def probe_source(typedef_fields, enums, macros):
    exprs = []
    for t, names in sorted(typedef_fields.items()):
        exprs.append((f'sizeof({t})', f'sizeof {t}'))
        exprs.append((f'_Alignof({t})', f'alignof {t}'))
        for n in names:
            exprs.append((f'offsetof({t}, {n})', f'offset {t}.{n}'))
            exprs.append((f'sizeof((({t} *)0)->{n})', f'size {t}.{n}'))
    for e in enums:
        exprs.append((f'(unsigned long long)(long long)({e})', f'enum {e}'))
    for m in macros:
        exprs.append((f'(unsigned long long)(long long)({m})', f'define {m}'))
    body = ',\n'.join(f'    {e}' for e, _ in exprs)
    src = ('#include <windows.h>\n#include <stddef.h>\n#include <ntmsapi.h>\n#include <ntmsmli.h>\n'
           f'const unsigned long long abi_probe[] = {{\n{body}\n}};\n')
    return src, [label for _, label in exprs]

def values(work, src, include_dirs, tag):
    c = os.path.join(work, f'probe-{tag}.c'); o = c[:-2] + '.o'; b = c[:-2] + '.bin'
    with open(c, 'w') as f:
        f.write(src)
    args = [CC, '-std=c11', '-c', c, '-o', o]
    for d in include_dirs:
        args += ['-I', d]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"probe compile ({tag}) failed:\n" + r.stderr[:3000])
    run([f'{triple}-objcopy', '-O', 'binary', '-j', '.rdata', o, b])
    data = open(b, 'rb').read()
    return [int.from_bytes(data[i:i + 8], 'little') for i in range(0, len(data) - len(data) % 8, 8)]

def decorations(work, functions, include_dir):
    src = os.path.join(work, 'calls.c'); obj = src[:-2] + '.o'
    with open(src, 'w') as f:
        f.write('#include <windows.h>\n#include <ntmsapi.h>\n')
        f.write('DWORD WINAPI DoEjectFromSADriveW(void *, void *, void *, void *, void *, void *);\n')
        f.write('void *abi_functions[] = {\n' + ',\n'.join(f'    (void *){n}' for n in functions + ['DoEjectFromSADriveW']) + '\n};\n')
    run([CC, '-c', src, '-o', obj, '-I', include_dir])
    ours = sorted(l.split()[-1] for l in run([f'{triple}-nm', '-u', obj]).splitlines())
    lib = run([f'{triple}-nm', f'/usr/{triple}/lib/libntmsapi.a'])
    original = sorted(l.split()[-1] for l in lib.splitlines() if ' T ' in l)
    return ours, original

def main():
    with tempfile.TemporaryDirectory() as work:
        typedef_fields, enums, macros, functions = mingw_facts(work)
        src, labels = probe_source(typedef_fields, enums, macros)
        include_ours = ours
        if self_test:   # a deliberately altered copy must be caught
            altered = os.path.join(work, 'altered'); os.mkdir(altered)
            text = open(os.path.join(ours, 'ntmsapi.h')).read().replace('DWORD dwDeferDismountDelay;', 'WORD dwDeferDismountDelay;')
            text = text.replace('NTMS_PARTSTATE_RESERVED = 9', 'NTMS_PARTSTATE_RESERVED = 10')
            open(os.path.join(altered, 'ntmsapi.h'), 'w').write(text)
            os.symlink(os.path.join(ours, 'ntmsmli.h'), os.path.join(altered, 'ntmsmli.h'))
            include_ours = altered
        mine = values(work, src, [include_ours], 'ours')
        theirs = values(work, src, [], 'mingw')
        failures = [f'{label}: ours {a}, mingw-w64 {b}' for label, a, b in zip(labels, mine, theirs) if a != b]
        # .rdata may be padded past the array; anything shorter is an error
        if len(mine) < len(labels) or len(theirs) < len(labels):
            failures.append(f'probe arrays have {len(mine)}/{len(theirs)} values for {len(labels)} facts')
        structs = len(typedef_fields); nfields = sum(len(v) for v in typedef_fields.values())
        print(f'{arch}: {structs} structures, {nfields} fields, {len(enums)} enum constants, '
              f'{len(macros)} #defines: {len(labels)} values compared, {len(failures)} differences')
        passed = len(labels) - len(failures)
        if arch == 'i686' and not self_test:
            ours_dec, original = decorations(work, functions, ours)
            missing = sorted(set(original) - set(ours_dec)); extra = sorted(set(ours_dec) - set(original))
            print(f'i686: {len(original)} decorated functions in libntmsapi.a, {len(ours_dec)} referenced through our header')
            for m in missing: failures.append(f'decoration missing: {m}')
            for e in extra: failures.append(f'decoration not in the original: {e}')
            passed += len(original) - len(missing)
        for f in failures[:50]:
            print('  ' + f)
        if self_test:
            ok = len(failures) >= 2
            print(f'self-test: the altered header produced {len(failures)} differences (expected >= 2)')
            print(f'{1 if ok else 0} passed, {0 if ok else 1} failed')
            return 0 if ok else 1
        if structs < 40 or len(labels) < 500:
            failures.append('too few facts extracted: the comparison would prove nothing')
        print(f'{passed} passed, {len(failures)} failed')
        return 1 if failures else 0

sys.exit(main())
