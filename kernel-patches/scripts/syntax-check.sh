#!/bin/sh
# Syntax-check a kernel C file with gcc against a (patched) tree's headers. A dev aid until
# the host 6c exists: Plan 9 C lets an anonymous member's fields be shadowed and gcc does not,
# so the lock structs' internals are renamed in a scratch copy of the headers first.
#   usage: syntax-check.sh TREE ARCHDIR file.c     (e.g. TREE=/tmp/patched ARCHDIR=pc64 or bcm64)
T=$1; A=$2; F=$3
O=$(sed -n 's/^objtype=//p' $T/sys/src/9/$A/mkfile)	# the arch's include dir: amd64, arm, arm64...
S=$(mktemp -d)
mkdir -p $S/port $S/arch
trap "rm -rf $S" EXIT
cp $T/sys/src/9/port/*.h $S/port/; cp $T/sys/src/9/$A/*.h $S/arch/
# systab.h is made by mksystab at build time (2025 sysproc.c includes it): declarations suffice
printf '#include "%s/sys/src/libc/9syscall/sys.h"\ntypedef uintptr Syscall(va_list);\nextern Syscall *systab[];\nextern char *sysctab[];\n' $T > $S/port/systab.h
python3 - $S <<'PY'
import re,sys,glob
S=sys.argv[1]
for f in glob.glob(S+'/*/*.h'):
    s=open(f).read()
    def ren(m, st):
        body=re.sub(r'(\b\w+(?:\s+\**|\s*\*+)\s*)(\w+)(\s*(\[[^]]*\])?;)', lambda x: x.group(1)+'z'+st+'_'+x.group(2)+x.group(3), m.group(2))
        return m.group(1)+body+m.group(3)
    for st in ['Lock','QLock','RWLock','RWlock']:
        s=re.sub(r'(struct '+st+r'\s*\{)(.*?)(\};)', lambda m: ren(m, st), s, flags=re.S)
    s=s.replace('extern register','extern')
    open(f,'w').write(s)
PY
gcc -fsyntax-only -fplan9-extensions -fno-builtin -ffreestanding -nostdinc -Wall -Wno-unused -Wno-missing-braces -Wno-parentheses -Wno-pointer-sign -Wno-unknown-pragmas -Wno-main -Wno-format -I$S/arch -I$S/port -I$T/$O/include -I$T/sys/include -include $S/arch/mem.h -x c $F -o /dev/null 2>&1
