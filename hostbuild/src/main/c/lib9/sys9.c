/*
 * ants: Plan 9 system calls over Linux, for host tools built from a 9front
 * tree. Only the system-facing part of libc lives here; fmt, port, 9sys's
 * portable files, libbio etc. are compiled from the user's tree.
 * Compiled against the tree's <libc.h> with the edited amd64 <u.h>; reaches
 * Linux only through host.h's hx_ functions. Plan 9's libc over POSIX is
 * the published design of plan9port's lib9; no code is taken from it.
 */
#include <u.h>
#include <libc.h>
#include "host.h"
#include "ns9.h"

char *argv0;
extern void p9main(int, char**);

/* glibc's entry calls this; Plan 9's main may simply return, meaning exits(nil) */
#undef main
int
main(int argc, char **argv)
{
	hx_lowheap();
	p9main(argc, argv);
	exits(nil);
}

/* errstr: one buffer per process, swapped as on Plan 9 */
static char errbuf[ERRMAX];

static int
syserr(void)
{
	strecpy(errbuf, errbuf+sizeof errbuf, hx_strerror());
	return -1;
}

int
errstr(char *buf, uint n)
{
	char tmp[ERRMAX];

	if(n > ERRMAX)
		n = ERRMAX;
	strecpy(tmp, tmp+sizeof tmp, errbuf);
	strecpy(errbuf, errbuf+sizeof errbuf, buf);
	strecpy(buf, buf+n, tmp);
	return 0;
}

void
rerrstr(char *buf, uint n)
{
	strecpy(buf, buf+n, errbuf);
}

void
werrstr(char *fmt, ...)
{
	va_list arg;

	va_start(arg, fmt);
	vsnprint(errbuf, sizeof errbuf, fmt, arg);
	va_end(arg);
}

/* files */
static int
hxflags(int mode)
{
	int f;

	switch(mode&3){
	case OWRITE:	f = HX_WRONLY; break;
	case ORDWR:	f = HX_RDWR; break;
	default:	f = HX_RDONLY; break;
	}
	if(mode&OTRUNC) f |= HX_TRUNC;
	if(mode&OCEXEC) f |= HX_CLOEXEC;
	return f;
}

/* ORCLOSE: remember the path, remove it on close */
static char *rclose[256];

static int
remember(int fd, char *path, int mode)
{
	if(fd >= 0 && (mode&ORCLOSE) && fd < nelem(rclose)){
		free(rclose[fd]);
		rclose[fd] = strdup(path);
	}
	return fd;
}

int
open(char *path, int mode)
{
	int fd;

	fd = nsopen(path, mode, 0);
	if(fd != -2)
		return fd;
	fd = hx_open(path, hxflags(mode), 0);
	if(fd < 0)
		return syserr();
	return remember(fd, path, mode);
}

int
create(char *path, int mode, ulong perm)
{
	int fd, f;

	fd = nsopen(path, mode, 1);
	if(fd != -2)
		return fd;
	if(perm & DMDIR){
		if(hx_mkdir(path, perm&0777) < 0)
			return syserr();
		fd = hx_open(path, HX_RDONLY | (mode&OCEXEC? HX_CLOEXEC: 0), 0);
	}else{
		f = hxflags(mode) | HX_CREAT | HX_TRUNC;
		if(mode&OEXCL)
			f |= HX_EXCL;
		if((f & (HX_WRONLY|HX_RDWR)) == 0)
			f |= HX_RDWR;	/* Plan 9 allows create with OREAD; keep the fd usable */
		fd = hx_open(path, f, perm&0777);
	}
	if(fd < 0)
		return syserr();
	return remember(fd, path, mode);
}

int
close(int fd)
{
	nsclose(fd);
	if(fd >= 0 && fd < nelem(rclose) && rclose[fd] != nil){
		hx_remove(rclose[fd]);
		free(rclose[fd]);
		rclose[fd] = nil;
	}
	if(hx_close(fd) < 0)
		return syserr();
	return 0;
}

long
read(int fd, void *buf, long n)
{
	long r;

	r = hx_read(fd, buf, n);
	return r < 0 ? syserr() : r;
}

long
write(int fd, void *buf, long n)
{
	long r;

	r = hx_write(fd, buf, n);
	return r < 0 ? syserr() : r;
}

long
pread(int fd, void *buf, long n, vlong off)
{
	long r;

	r = off < 0 ? hx_read(fd, buf, n) : hx_pread(fd, buf, n, off);
	return r < 0 ? syserr() : r;
}

long
pwrite(int fd, void *buf, long n, vlong off)
{
	long r;

	r = off < 0 ? hx_write(fd, buf, n) : hx_pwrite(fd, buf, n, off);
	return r < 0 ? syserr() : r;
}

vlong
seek(int fd, vlong off, int type)
{
	vlong r;

	r = hx_seek(fd, off, type);
	return r < 0 ? syserr() : r;
}

long
oseek(int fd, long off, int type)
{
	return seek(fd, off, type);
}

int
dup(int oldfd, int newfd)
{
	int r;

	r = newfd < 0 ? hx_dup(oldfd) : hx_dup2(oldfd, newfd);
	return r < 0 ? syserr() : r;
}

int
pipe(int *fd)
{
	return hx_pipe(fd) < 0 ? syserr() : 0;
}

int
remove(char *path)
{
	int r;

	r = nsremove(path);
	if(r != -2)
		return r;
	return hx_remove(path) < 0 ? syserr() : 0;
}

int
chdir(char *path)
{
	return hx_chdir(path) < 0 ? syserr() : 0;
}

int
access(char *path, int mode)
{
	return hx_access(path, mode&7) < 0 ? syserr() : 0;
}

char*
getwd(char *buf, int n)
{
	if(hx_getcwd(buf, n) < 0){
		syserr();
		return nil;
	}
	return buf;
}

int
fd2path(int fd, char *buf, int n)
{
	return hx_fd2path(fd, buf, n) < 0 ? syserr() : 0;
}

int
iounit(int)
{
	return 0;
}

/* Dir: one allocation holding the struct and its strings, freed with free() */
static Dir*
mkdir9(HxStat *st, char *name)
{
	Dir *d;
	char *s;
	const char *uid, *gid;
	int nn, nu, ng;

	uid = hx_username(st->uid);
	nu = strlen(uid)+1;
	gid = hx_groupname(st->gid);
	ng = strlen(gid)+1;
	nn = strlen(name)+1;
	d = malloc(sizeof(Dir) + nn + 2*nu + ng);
	if(d == nil)
		return nil;
	s = (char*)&d[1];
	d->type = 'M';
	d->dev = st->dev;
	d->qid.path = st->ino;
	d->qid.vers = st->mtime;
	d->qid.type = st->isdir ? QTDIR : QTFILE;
	d->mode = st->mode;
	d->atime = st->atime;
	d->mtime = st->mtime;
	d->length = st->size;
	d->name = s; memmove(s, name, nn); s += nn;
	d->uid = s; memmove(s, uid, nu); s += nu;
	d->gid = s; memmove(s, gid, ng); s += ng;
	d->muid = s; memmove(s, uid, nu);
	return d;
}

static char*
lastelem(char *path)
{
	char *p;

	p = strrchr(path, '/');
	if(p != nil && p[1] != 0)
		return p+1;
	if(p != nil)
		return "/";
	return path;
}

Dir*
dirstat(char *path)
{
	HxStat st;

	if(hx_stat(path, &st) < 0){
		syserr();
		return nil;
	}
	return mkdir9(&st, lastelem(path));
}

Dir*
dirfstat(int fd)
{
	HxStat st;
	char buf[1024];

	if(hx_fstat(fd, &st) < 0){
		syserr();
		return nil;
	}
	if(hx_fd2path(fd, buf, sizeof buf) < 0)
		strcpy(buf, "?");
	return mkdir9(&st, lastelem(buf));
}

static int
wstat9(char *path, int fd, Dir *d)
{
	char *dir, *slash, *np;
	int r;

	if(d->mode != ~0UL){
		r = path ? hx_chmod(path, d->mode&0777) : hx_fchmod(fd, d->mode&0777);
		if(r < 0)
			return syserr();
	}
	if(d->mtime != ~0UL){
		r = path ? hx_utime(path, d->mtime) : hx_futime(fd, d->mtime);
		if(r < 0)
			return syserr();
	}
	if(d->length != ~0LL){
		r = path ? hx_truncate(path, d->length) : hx_ftruncate(fd, d->length);
		if(r < 0)
			return syserr();
	}
	/* a new name renames within the same directory; mkfs relies on it */
	if(d->name != nil && d->name[0] != 0){
		char buf[1024];

		if(path == nil){
			if(hx_fd2path(fd, buf, sizeof buf) < 0)
				return syserr();
			path = buf;
		}
		if(strcmp(lastelem(path), d->name) != 0){
			dir = strdup(path);
			slash = strrchr(dir, '/');
			if(slash != nil){
				slash[1] = 0;
				np = smprint("%s%s", dir, d->name);
			}else
				np = strdup(d->name);
			r = hx_rename(path, np);
			free(np);
			free(dir);
			if(r < 0)
				return syserr();
		}
	}
	return 0;
}

int
dirwstat(char *path, Dir *d)
{
	return wstat9(path, -1, d);
}

int
dirfwstat(int fd, Dir *d)
{
	return wstat9(nil, fd, d);
}

static int
dirnamecmp(void *a, void *b)
{
	return strcmp(((Dir*)a)->name, ((Dir*)b)->name);
}

long
dirread(int fd, Dir **dp)
{
	char names[32768], *p, *e, path[64];
	Dir *d, *x;
	HxStat st;
	int n, nd, dfd, sz;

	n = nsdirread(fd, dp);
	if(n != -2)
		return n;
	*dp = nil;
	n = hx_getdents(fd, names, sizeof names);
	if(n < 0)
		return syserr();
	if(n == 0)
		return 0;
	/* stat through the fd so that relative opens keep working; follows symlinks */
	strcpy(path, "/proc/self/fd/");
	snprint(path+strlen(path), 20, "%d", fd);
	dfd = hx_open(path, HX_RDONLY|HX_CLOEXEC, 0);
	nd = 0;
	sz = 0;
	d = nil;
	for(p = names, e = names+n; p < e; p += strlen(p)+1){
		if(hx_fstatat(dfd, p, &st) < 0)
			continue;	/* dangling link: Plan 9 would not list it either */
		x = mkdir9(&st, p);
		if(x == nil)
			break;
		d = realloc(d, (nd+1)*sizeof(Dir));
		d[nd] = *x;
		/* keep the strings alive: they hang off x; collect them in a side list */
		d[nd].name = strdup(x->name);
		d[nd].uid = strdup(x->uid);
		d[nd].gid = strdup(x->gid);
		d[nd].muid = d[nd].uid;
		free(x);
		nd++;
		sz += strlen(p)+1;
	}
	hx_close(dfd);
	/* in name order, not the file system's: archives and paqs made from a directory are reproducible */
	qsort(d, nd, sizeof(Dir), dirnamecmp);
	/* repack into one block so the caller's single free() releases everything */
	{
		Dir *out;
		char *s;
		int i, extra;

		extra = 0;
		for(i = 0; i < nd; i++)
			extra += strlen(d[i].name)+1 + strlen(d[i].uid)+1 + strlen(d[i].gid)+1;
		out = malloc(nd*sizeof(Dir) + extra + 1);
		s = (char*)&out[nd];
		for(i = 0; i < nd; i++){
			out[i] = d[i];
			out[i].name = s; strcpy(s, d[i].name); s += strlen(s)+1;
			out[i].uid = s; strcpy(s, d[i].uid); s += strlen(s)+1;
			out[i].gid = s; strcpy(s, d[i].gid); s += strlen(s)+1;
			out[i].muid = out[i].uid;
			free(d[i].name);
			free(d[i].uid);
			free(d[i].gid);
		}
		free(d);
		*dp = out;
	}
	USED(sz);
	return nd;
}

long
dirreadall(int fd, Dir **dp)
{
	Dir *all, *d;
	long n, tot, i, extra;
	char *s;

	all = nil;
	tot = 0;
	extra = 0;
	/* collect, then repack in one block */
	{
		Dir **chunks = nil;
		long *counts = nil;
		int nchunk = 0, c;

		while((n = dirread(fd, &d)) > 0){
			chunks = realloc(chunks, (nchunk+1)*sizeof(Dir*));
			counts = realloc(counts, (nchunk+1)*sizeof(long));
			chunks[nchunk] = d;
			counts[nchunk++] = n;
			tot += n;
			for(i = 0; i < n; i++)
				extra += strlen(d[i].name)+strlen(d[i].uid)+strlen(d[i].gid)+3;
		}
		all = malloc(tot*sizeof(Dir) + extra + 1);
		s = (char*)&all[tot];
		tot = 0;
		for(c = 0; c < nchunk; c++){
			for(i = 0; i < counts[c]; i++){
				Dir *x = &chunks[c][i];
				all[tot] = *x;
				all[tot].name = s; strcpy(s, x->name); s += strlen(s)+1;
				all[tot].uid = s; strcpy(s, x->uid); s += strlen(s)+1;
				all[tot].gid = s; strcpy(s, x->gid); s += strlen(s)+1;
				all[tot].muid = all[tot].uid;
				tot++;
			}
			free(chunks[c]);
		}
		free(chunks);
		free(counts);
		if(n < 0 && tot == 0){
			free(all);
			*dp = nil;
			return -1;
		}
	}
	*dp = all;
	return tot;
}

/* processes */
int
rfork(int flags)
{
	int pid;

	if(flags & RFMEM){
		werrstr("rfork: RFMEM not supported on the host");
		return -1;
	}
	if(flags & RFPROC){
		pid = hx_fork();
		if(pid < 0)
			return syserr();
		if(pid != 0)
			return pid;
	}
	if(flags & RFNOTEG)
		hx_setpgid();
	if(flags & RFCFDG)
		hx_closeall(0);
	return 0;
}

int
fork(void)
{
	return rfork(RFPROC|RFFDG);
}

int
exec(char *path, char **argv)
{
	hx_exec(path, argv);
	return syserr();
}

_Noreturn void
_exits(char *s)
{
	hx_exit(s == nil || *s == 0 ? 0 : 1);
}

int
await(char *buf, int n)
{
	int pid, st;
	long t[3];
	char msg[ERRMAX];

	pid = hx_wait(-1, &st, t);
	if(pid < 0)
		return syserr();
	if(st == 0)
		msg[0] = 0;
	else if(st > 0)
		snprint(msg, sizeof msg, "exit %d", st);
	else
		snprint(msg, sizeof msg, "%s", hx_signote(-st));
	return snprint(buf, n, "%d %ld %ld %ld %q", pid, t[0], t[1], t[2], msg);
}

Waitmsg*
wait(void)
{
	int pid, st;
	long t[3];
	char msg[ERRMAX];
	Waitmsg *w;

	pid = hx_wait(-1, &st, t);
	if(pid < 0){
		syserr();
		return nil;
	}
	if(st == 0)
		msg[0] = 0;
	else if(st > 0)
		snprint(msg, sizeof msg, "%d: exit %d", pid, st);
	else
		snprint(msg, sizeof msg, "%d: %s", pid, hx_signote(-st));
	w = malloc(sizeof(Waitmsg) + strlen(msg) + 1);
	w->pid = pid;
	w->time[0] = t[0];
	w->time[1] = t[1];
	w->time[2] = t[2];
	w->msg = (char*)&w[1];
	strcpy(w->msg, msg);
	return w;
}

int
waitpid(void)
{
	int st;
	long t[3];

	return hx_wait(-1, &st, t);
}

int getpid(void) { return hx_getpid(); }
int getppid(void) { return hx_getppid(); }

/* notes map to signals; a handler calls noted(), which unwinds back here */
static void (*notefn)(void*, char*);
static jmp_buf *notejb;
static int notedv;

static void
sighandler(int sig)
{
	jmp_buf jb, *old;
	char note[ERRMAX];

	if(notefn == nil)
		return;
	strecpy(note, note+sizeof note, hx_signote(sig));
	old = notejb;
	notejb = &jb;
	notedv = NCONT;
	if(_setjmp(jb) == 0)
		notefn(nil, note);
	notejb = old;
	if(notedv == NDFLT){
		hx_signal(sig, nil);
		hx_kill(hx_getpid(), sig);
		hx_exit(1);
	}
}

int
notify(void (*fn)(void*, char*))
{
	static int sigs[] = { 1 /*HUP*/, 2 /*INT*/, 14 /*ALRM*/, 15 /*TERM*/, 10, 12 };
	int i;

	notefn = fn;
	for(i = 0; i < nelem(sigs); i++)
		hx_signal(sigs[i], fn ? sighandler : nil);
	return 0;
}

int
noted(int v)
{
	notedv = v;
	if(notejb != nil)
		longjmp(*notejb, 1);
	return 0;
}

int
postnote(int group, int pid, char *note)
{
	int sig;

	sig = hx_signum(note);
	if(hx_kill(group == PNGROUP ? -pid : pid, sig) < 0)
		return syserr();
	return 0;
}

_Noreturn void
abort(void)
{
	hx_abort();
}

/* environment: the host's, with rc's \001 list separator read as Plan 9's NUL */
char*
getenv(char *name)
{
	char *v, *s, *p;

	v = hx_getenv(name);
	if(v == nil)
		return nil;
	s = strdup(v);
	for(p = s; *p; p++)
		if(*p == '\001')
			*p = 0;
	return s;
}

int
putenv(char *name, char *val)
{
	return hx_setenv(name, val) < 0 ? syserr() : 0;
}

long
time(long *tp)
{
	long t;

	t = hx_time();
	if(tp != nil)
		*tp = t;
	return t;
}

vlong nsec(void) { return hx_nsec(); }
double cputime(void) { return hx_cputime(); }

long
times(long *t)
{
	long ms;

	ms = hx_cputime()*1000;
	if(t != nil){
		t[0] = ms;
		t[1] = 0;
		t[2] = 0;
		t[3] = 0;
	}
	return hx_nsec()/1000000;
}

int
sleep(long ms)
{
	hx_sleep(ms);
	return 0;
}

long alarm(ulong ms) { return hx_alarm(ms); }

char*
getuser(void)
{
	static char user[64];
	char *u;

	u = hx_getenv("user");
	if(u == nil)
		u = hx_getenv("USER");
	if(u == nil)
		u = "none";
	strecpy(user, user+sizeof user, u);
	return user;
}

char*
sysname(void)
{
	static char name[128];

	strecpy(name, name+sizeof name, hx_hostname());
	return name;
}

/*
 * memory: glibc's malloc, plus the Plan 9 extras. Weak, because the
 * compilers' cc/compat defines some of them with its own allocator.
 */
#pragma weak mallocz
#pragma weak setmalloctag
#pragma weak setrealloctag
void*
mallocz(ulong n, int clr)
{
	return clr ? calloc(1, n) : malloc(n);
}

void setmalloctag(void*, uintptr) {}
void setrealloctag(void*, uintptr) {}
uintptr getmalloctag(void*) { return 0; }
uintptr getrealloctag(void*) { return 0; }

/* Plan 9's copies are overlap-safe and mk relies on it; glibc's are not */
void*
memcpy(void *a, void *b, usize n)
{
	return memmove(a, b, n);
}

char*
strcpy(char *a, char *b)
{
	memmove(a, b, strlen(b)+1);
	return a;
}

/* host tools are single-threaded (they fork): locks only need to exist */
int _tas(int *p) { int v = *p; *p = 1; return v; }
void lock(Lock *l) { l->val = 1; }
void unlock(Lock *l) { l->val = 0; }
int canlock(Lock *l) { if(l->val) return 0; l->val = 1; return 1; }
void qlock(QLock *l) { l->locked = 1; }
void qunlock(QLock *l) { l->locked = 0; }
int canqlock(QLock *l) { if(l->locked) return 0; l->locked = 1; return 1; }

uintptr
getcallerpc(void*)
{
	return (uintptr)__builtin_return_address(0);
}

/* execl: build the argument vector from the varargs rather than trusting their stack layout */
int
execl(char *path, ...)
{
	va_list args;
	char *argv[256];
	int n;

	va_start(args, path);
	for(n = 0; n < nelem(argv)-1; n++)
		if((argv[n] = va_arg(args, char*)) == nil)
			break;
	argv[n] = nil;
	va_end(args);
	return exec(path, argv);
}
