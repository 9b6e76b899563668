/*
 * ants: the two kernel file systems the tree's host tools use that Linux
 * lacks, so that they build unchanged (mk's plan9.c reads and writes the
 * environment through /env and reopens pipes through /fd).
 *
 * /env lists the process environment. /env/NAME opens as an in-memory
 * file holding the value, with rc's Unix list separator (\001) shown as
 * Plan 9's NUL; a file created there is put into the environment when it
 * is closed, NULs turned back into \001. /fd/N is /proc/self/fd/N.
 */
#include <u.h>
#include <libc.h>
#include "host.h"
#include "ns9.h"

enum {
	Nfd = 256,
	Plain = 0,
	Envdir,		/* /env itself; listed once by dirread */
	Envdone,
	Envnew,		/* /env/NAME created: back into the environment at close */
};

static char kind[Nfd];
static char *envname[Nfd];

static char*
envpart(char *path)
{
	if(strncmp(path, "/env", 4) != 0 || (path[4] != 0 && path[4] != '/'))
		return nil;
	path += 4;
	while(*path == '/')
		path++;
	return path;
}

static int
setkind(int fd, int k, char *name)
{
	if(fd < 0){
		werrstr("%s", hx_strerror());
		return -1;
	}
	if(fd >= Nfd){
		hx_close(fd);
		werrstr("too many open files");
		return -1;
	}
	kind[fd] = k;
	free(envname[fd]);
	envname[fd] = name != nil ? strdup(name) : nil;
	return fd;
}

static void
swapbytes(char *s, long n, int from, int to)
{
	for(; n > 0; n--, s++)
		if(*s == from)
			*s = to;
}

/* the variable's value as Plan 9 shows it, in a fresh in-memory file */
static int
envread(char *name)
{
	char *v, *copy;
	long n;
	int fd;

	v = hx_getenv(name);
	if(v == nil){
		werrstr("file does not exist");
		return -1;
	}
	n = strlen(v);
	copy = strdup(v);
	swapbytes(copy, n, '\001', 0);
	fd = hx_memfd();
	if(fd >= 0 && (hx_write(fd, copy, n) != n || hx_seek(fd, 0, 0) != 0)){
		hx_close(fd);
		fd = -1;
	}
	free(copy);
	if(fd < 0)
		werrstr("cannot make /env/%s: %s", name, hx_strerror());
	return fd;
}

int
nsopen(char *path, int mode, int creating)
{
	char *name, buf[64];
	int fd;

	if(strncmp(path, "/fd/", 4) == 0){
		snprint(buf, sizeof buf, "/proc/self/fd/%s", path+4);
		return open(buf, mode);
	}
	name = envpart(path);
	if(name == nil)
		return -2;
	if(strchr(name, '/') != nil){
		werrstr("file does not exist");
		return -1;
	}
	if(*name == 0)
		return setkind(hx_memfd(), Envdir, nil);
	if(creating)
		return setkind(hx_memfd(), Envnew, name);
	fd = envread(name);
	return fd < 0 ? -1 : setkind(fd, Plain, nil);
}

/* called before the descriptor is closed */
void
nsclose(int fd)
{
	HxStat st;
	char *v;
	long n;

	if(fd < 0 || fd >= Nfd || kind[fd] == Plain)
		return;
	if(kind[fd] == Envnew && hx_fstat(fd, &st) == 0){
		n = st.size;
		v = malloc(n+1);
		if(v != nil && hx_pread(fd, v, n, 0) == n){
			if(n > 0 && v[n-1] == 0)
				n--;	/* the NUL that ends a list's last element */
			v[n] = 0;
			swapbytes(v, n, 0, '\001');
			hx_setenv(envname[fd], v);
		}
		free(v);
	}
	setkind(fd, Plain, nil);
}

int
nsremove(char *path)
{
	char *name;

	name = envpart(path);
	if(name == nil || *name == 0)
		return -2;
	if(hx_getenv(name) == nil){
		werrstr("file does not exist");
		return -1;
	}
	return hx_unsetenv(name) < 0 ? -1 : 0;
}

/* -2 unless fd is /env; then every variable once, as a Dir each */
long
nsdirread(int fd, Dir **dp)
{
	char **e, *eq, *s;
	Dir *d;
	long n, i, strs;

	if(fd < 0 || fd >= Nfd || (kind[fd] != Envdir && kind[fd] != Envdone))
		return -2;
	*dp = nil;
	if(kind[fd] == Envdone)
		return 0;
	kind[fd] = Envdone;
	n = 0;
	strs = 0;
	for(e = hx_environ(); *e != nil; e++){
		n++;
		strs += strlen(*e) + 1 + 2*5;
	}
	d = malloc(n*sizeof(Dir) + strs + 1);
	if(d == nil)
		return -1;
	s = (char*)&d[n];
	i = 0;
	for(e = hx_environ(); *e != nil; e++){
		eq = strchr(*e, '=');
		if(eq == nil || eq == *e || memchr(*e, '/', eq - *e) != nil)
			continue;
		nulldir(&d[i]);
		d[i].name = s;
		memmove(s, *e, eq - *e);
		s += eq - *e;
		*s++ = 0;
		d[i].uid = d[i].gid = d[i].muid = strcpy(s, "env");
		s += 4;
		d[i].length = strlen(eq+1);
		d[i].mode = 0666;
		d[i].qid.type = QTFILE;
		d[i].qid.path = i;
		d[i].qid.vers = 0;
		d[i].type = 'e';
		d[i].dev = 0;
		d[i].atime = d[i].mtime = hx_time();
		i++;
	}
	*dp = d;
	return i;
}
