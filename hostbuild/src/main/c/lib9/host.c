/*
 * ants: Linux side of the Plan 9 compatibility layer.
 * Calls the kernel through syscall() or through glibc names that no Plan 9
 * program defines, because a Plan 9 program linked with this layer defines
 * open, read, wait, ... itself and would otherwise capture our calls.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <malloc.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include "host.h"

extern char **environ;

/* not snprintf: Plan 9 libstdio defines it when a tool links that library */
static void
itoa10(char *s, int n)
{
	char t[16];
	int i = 0;

	do t[i++] = "0123456789"[n%10]; while((n /= 10) > 0);
	while(i > 0)
		*s++ = t[--i];
	*s = 0;
}

static int
toflags(int f)
{
	int o;

	if(f & HX_RDWR)
		o = O_RDWR;
	else if(f & HX_WRONLY)
		o = O_WRONLY;
	else
		o = O_RDONLY;
	if(f & HX_TRUNC) o |= O_TRUNC;
	if(f & HX_CLOEXEC) o |= O_CLOEXEC;
	if(f & HX_CREAT) o |= O_CREAT;
	if(f & HX_EXCL) o |= O_EXCL;
	return o | O_LARGEFILE;
}

int hx_open(const char *p, int f, unsigned int perm) { return syscall(SYS_openat, AT_FDCWD, p, toflags(f), perm); }
int hx_mkdir(const char *p, unsigned int perm) { return syscall(SYS_mkdir, p, perm); }
int hx_close(int fd) { return syscall(SYS_close, fd); }
int hx_read(int fd, void *b, int n) { return syscall(SYS_read, fd, b, n); }
int hx_write(int fd, const void *b, int n) { return syscall(SYS_write, fd, b, n); }
int hx_pread(int fd, void *b, int n, hxvlong off) { return pread64(fd, b, n, off); }
int hx_pwrite(int fd, const void *b, int n, hxvlong off) { return pwrite64(fd, b, n, off); }
hxvlong hx_seek(int fd, hxvlong off, int type) { return lseek64(fd, off, type); }
int hx_dup(int fd) { return syscall(SYS_dup, fd); }
int hx_dup2(int a, int b) { return syscall(SYS_dup2, a, b); }
int hx_pipe(int *fd) { return syscall(SYS_pipe2, fd, 0); }
int hx_memfd(void) { return syscall(SYS_memfd_create, "ants-env", 0); }
int hx_rename(const char *a, const char *b) { return syscall(SYS_rename, a, b); }
int hx_chdir(const char *p) { return syscall(SYS_chdir, p); }
int hx_access(const char *p, int m) { return syscall(SYS_access, p, m); }
int hx_chmod(const char *p, unsigned int m) { return syscall(SYS_chmod, p, m); }
int hx_fchmod(int fd, unsigned int m) { return syscall(SYS_fchmod, fd, m); }
int hx_truncate(const char *p, hxvlong n) { return truncate64(p, n); }
int hx_ftruncate(int fd, hxvlong n) { return ftruncate64(fd, n); }
int hx_setpgid(void) { return syscall(SYS_setpgid, 0, 0); }
int hx_kill(int pid, int sig) { return syscall(SYS_kill, pid, sig); }
int hx_getpid(void) { return syscall(SYS_getpid); }
int hx_getppid(void) { return syscall(SYS_getppid); }
void hx_exit(int n) { _exit(n); }
void hx_seterrno(int e) { errno = e; }
char** hx_environ(void) { return environ; }
/* not getenv(): the Plan 9 side defines its own */
char*
hx_getenv(const char *n)
{
	char **e;
	size_t l = strlen(n);

	for(e = environ; *e; e++)
		if(strncmp(*e, n, l) == 0 && (*e)[l] == '=')
			return *e + l + 1;
	return NULL;
}
int hx_setenv(const char *n, const char *v) { return setenv(n, v, 1); }
int hx_unsetenv(const char *n) { return unsetenv(n); }

int
hx_remove(const char *p)
{
	if(syscall(SYS_unlink, p) == 0)
		return 0;
	if(errno == EISDIR || errno == EPERM)
		return syscall(SYS_rmdir, p);
	return -1;
}

int
hx_getcwd(char *buf, int n)
{
	return syscall(SYS_getcwd, buf, n) < 0 ? -1 : 0;
}

static void
fromstatx(struct statx *sx, HxStat *st)
{
	st->ino = sx->stx_ino;
	st->size = sx->stx_size;
	st->isdir = S_ISDIR(sx->stx_mode);
	st->mode = sx->stx_mode & 0777;
	if(st->isdir){
		st->mode |= 0x80000000;
		st->size = 0;
	}
	st->dev = (sx->stx_dev_major<<8) | sx->stx_dev_minor;
	st->atime = sx->stx_atime.tv_sec;
	st->mtime = sx->stx_mtime.tv_sec;
	st->uid = sx->stx_uid;
	st->gid = sx->stx_gid;
}

int
hx_fstatat(int dirfd, const char *p, HxStat *st)
{
	struct statx sx;

	if(statx(dirfd, p, 0, STATX_BASIC_STATS, &sx) < 0)
		return -1;
	fromstatx(&sx, st);
	return 0;
}

int hx_stat(const char *p, HxStat *st) { return hx_fstatat(AT_FDCWD, p, st); }

int
hx_fstat(int fd, HxStat *st)
{
	struct statx sx;

	if(statx(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &sx) < 0)
		return -1;
	fromstatx(&sx, st);
	return 0;
}

int
hx_utime(const char *p, int t)
{
	struct timespec ts[2];

	ts[0].tv_sec = 0; ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = t; ts[1].tv_nsec = 0;
	return utimensat(AT_FDCWD, p, ts, 0);
}

int
hx_futime(int fd, int t)
{
	struct timespec ts[2];

	ts[0].tv_sec = 0; ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = t; ts[1].tv_nsec = 0;
	return futimens(fd, ts);
}

/* Names only, NUL-separated; "." and ".." are dropped. */
int
hx_getdents(int fd, char *out, int n)
{
	char buf[16384];
	long r, i;
	int o;
	struct dirent64 *d;

	for(;;){
		r = getdents64(fd, buf, sizeof buf < (unsigned)n/2 ? sizeof buf : (unsigned)n/2);
		if(r <= 0)
			return r;
		o = 0;
		for(i = 0; i < r; i += d->d_reclen){
			d = (struct dirent64*)(buf+i);
			if(strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
				continue;
			strcpy(out+o, d->d_name);
			o += strlen(d->d_name)+1;
		}
		if(o > 0)
			return o;
	}
}

int
hx_fd2path(int fd, char *buf, int n)
{
	char p[64];
	long r;

	strcpy(p, "/proc/self/fd/");
	itoa10(p+strlen(p), fd);
	r = readlink(p, buf, n-1);
	if(r < 0)
		return -1;
	buf[r] = 0;
	return 0;
}

int hx_fork(void) { return syscall(SYS_fork); }

void
hx_closeall(int from)
{
	int fd;

	for(fd = from; fd < 256; fd++)
		syscall(SYS_close, fd);
}

int
hx_exec(const char *p, char **argv)
{
	return execve(p, argv, environ);
}

int
hx_wait(int pid, int *status, int *times)
{
	int st, r;
	struct rusage ru;

	do
		r = wait4(pid, &st, 0, &ru);
	while(r < 0 && errno == EINTR);
	if(r < 0)
		return -1;
	if(WIFEXITED(st))
		*status = WEXITSTATUS(st);
	else if(WIFSIGNALED(st))
		*status = -WTERMSIG(st);
	else
		*status = 1;
	times[0] = ru.ru_utime.tv_sec*1000 + ru.ru_utime.tv_usec/1000;
	times[1] = ru.ru_stime.tv_sec*1000 + ru.ru_stime.tv_usec/1000;
	times[2] = times[0] + times[1];
	return r;
}

int
hx_time(void)
{
	return hx_nsec()/1000000000LL;
}

hxvlong
hx_nsec(void)
{
	struct timespec ts;
	char *fixed;

	/* set only around tools whose output embeds "now" (the boot paq's header): reproducible builds */
	fixed = hx_getenv("ANTS_FIXED_TIME");
	if(fixed != NULL && *fixed != 0)
		return atoll(fixed)*1000000000LL;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec*1000000000LL + ts.tv_nsec;
}

void
hx_sleep(int ms)
{
	struct timespec ts;

	ts.tv_sec = ms/1000;
	ts.tv_nsec = (ms%1000)*1000000;
	while(nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

int
hx_alarm(unsigned int ms)
{
	struct itimerval it, old;

	memset(&it, 0, sizeof it);
	it.it_value.tv_sec = ms/1000;
	it.it_value.tv_usec = (ms%1000)*1000;
	setitimer(ITIMER_REAL, &it, &old);
	return old.it_value.tv_sec*1000 + old.it_value.tv_usec/1000;
}

/* Plan 9 programs look for these phrases (e.g. "does not exist") in errstr. */
const char*
hx_strerror(void)
{
	switch(errno){
	case ENOENT:	return "file does not exist";
	case EEXIST:	return "file already exists";
	case EACCES:
	case EPERM:	return "permission denied";
	case ENOTDIR:	return "not a directory";
	case EISDIR:	return "is a directory";
	case ENOTEMPTY:	return "directory not empty";
	case EINTR:	return "interrupted";
	default:	return strerror(errno);
	}
}

const char*
hx_username(unsigned int uid)
{
	static unsigned int cached = ~0U;
	static char name[64];
	struct passwd *pw;

	if(uid != cached){
		pw = getpwuid(uid);
		strncpy(name, pw ? pw->pw_name : "none", sizeof name - 1);
		cached = uid;
	}
	return name;
}

const char*
hx_groupname(unsigned int gid)
{
	static unsigned int cached = ~0U;
	static char name[64];
	struct group *gr;

	if(gid != cached){
		gr = getgrgid(gid);
		strncpy(name, gr ? gr->gr_name : "none", sizeof name - 1);
		cached = gid;
	}
	return name;
}

const char*
hx_hostname(void)
{
	static char name[128];

	if(gethostname(name, sizeof name - 1) < 0)
		strcpy(name, "linux");
	return name;
}

int
hx_signal(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn ? fn : SIG_DFL;
	sa.sa_flags = SA_NODEFER;
	return sigaction(sig, &sa, NULL);
}

static struct { int sig; const char *note; } notes[] = {
	{ SIGINT, "interrupt" },
	{ SIGHUP, "hangup" },
	{ SIGALRM, "alarm" },
	{ SIGTERM, "kill" },
	{ SIGPIPE, "sys: write on closed pipe" },
	{ SIGUSR1, "usr1" },
	{ SIGUSR2, "usr2" },
	{ 0, NULL },
};

int
hx_signum(const char *note)
{
	int i;

	for(i = 0; notes[i].note; i++)
		if(strcmp(notes[i].note, note) == 0)
			return notes[i].sig;
	return SIGTERM;
}

const char*
hx_signote(int sig)
{
	int i;

	for(i = 0; notes[i].note; i++)
		if(notes[i].sig == sig)
			return notes[i].note;
	return "sys: signal";
}

double
hx_cputime(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec/1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec/1e6;
}

void hx_abort(void) { hx_signal(SIGABRT, NULL); syscall(SYS_kill, syscall(SYS_getpid), SIGABRT); _exit(134); }

/*
 * Some tools keep heap pointers in ints (lex's parse tree), which holds on
 * 9front, whose heap lies low. Here too: the tools are linked -no-pie, so the
 * brk heap follows their bss, and glibc must not serve big blocks by mmap,
 * which maps them high.
 */
void
hx_lowheap(void)
{
	mallopt(M_MMAP_MAX, 0);
}
