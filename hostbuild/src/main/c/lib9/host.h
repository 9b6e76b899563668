/*
 * ants: the boundary between the Plan 9 side (sys9.c, compiled against the
 * tree's libc.h) and the Linux side (host.c, compiled against glibc).
 * Only plain C types cross it, and no long: the Plan 9 side compiles long
 * as 32 bits (as 9front's compilers do) where glibc's is 64. Every name
 * carries the hx_ prefix so that neither side can capture the other's calls
 * (Plan 9 and POSIX share many function names: open, read, wait, remove, ...).
 */
typedef int hxvlong __attribute__((mode(DI)));
typedef unsigned int hxuvlong __attribute__((mode(DI)));
typedef struct HxStat HxStat;
struct HxStat {
	hxuvlong ino;
	hxuvlong size;
	unsigned int mode;	/* Plan 9 style: DMDIR | 0777 bits */
	unsigned int dev;
	unsigned int atime;
	unsigned int mtime;
	unsigned int uid;
	unsigned int gid;
	int isdir;
};

enum {
	HX_RDONLY = 1<<0, HX_WRONLY = 1<<1, HX_RDWR = 1<<2, HX_TRUNC = 1<<3,
	HX_CLOEXEC = 1<<4, HX_CREAT = 1<<5, HX_EXCL = 1<<6,
};

int	hx_open(const char*, int flags, unsigned int perm);
int	hx_mkdir(const char*, unsigned int perm);
int	hx_close(int);
int	hx_read(int, void*, int);
int	hx_write(int, const void*, int);
int	hx_pread(int, void*, int, hxvlong);
int	hx_pwrite(int, const void*, int, hxvlong);
hxvlong	hx_seek(int, hxvlong, int);
int	hx_dup(int);
int	hx_dup2(int, int);
int	hx_pipe(int*);
int	hx_memfd(void);	/* an anonymous in-memory file, read-write */
int	hx_remove(const char*);
int	hx_rename(const char*, const char*);
int	hx_chdir(const char*);
int	hx_getcwd(char*, int);
int	hx_access(const char*, int);
int	hx_stat(const char*, HxStat*);
int	hx_fstat(int, HxStat*);
int	hx_fstatat(int, const char*, HxStat*);
int	hx_chmod(const char*, unsigned int);
int	hx_fchmod(int, unsigned int);
int	hx_utime(const char*, int);
int	hx_futime(int, int);
int	hx_truncate(const char*, hxvlong);
int	hx_ftruncate(int, hxvlong);
int	hx_getdents(int, char*, int);	/* fills buf with NUL-terminated names, returns bytes, 0 at end */
int	hx_fd2path(int, char*, int);
int	hx_fork(void);
int	hx_setpgid(void);
void	hx_closeall(int from);
int	hx_exec(const char*, char**);
int	hx_wait(int pid, int *status, int *times);	/* status: >=0 exit code, <0 -signal */
void	hx_exit(int) __attribute__((noreturn));
int	hx_kill(int pid, int sig);
int	hx_getpid(void);
int	hx_getppid(void);
int	hx_time(void);
hxvlong	hx_nsec(void);
void	hx_sleep(int ms);
int	hx_alarm(unsigned int ms);
const char*	hx_strerror(void);
void	hx_seterrno(int);
char*	hx_getenv(const char*);
int	hx_setenv(const char*, const char*);
int	hx_unsetenv(const char*);
char**	hx_environ(void);
const char*	hx_username(unsigned int uid);
const char*	hx_groupname(unsigned int gid);
const char*	hx_hostname(void);
int	hx_signal(int sig, void (*fn)(int));
int	hx_signum(const char *note);	/* Plan 9 note -> Linux signal */
const char*	hx_signote(int sig);
double	hx_cputime(void);
void	hx_abort(void) __attribute__((noreturn));
void	hx_lowheap(void);	/* malloc only from the brk heap, below 2 GB in a -no-pie program */
