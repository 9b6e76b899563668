/*
 * ants: the host half of 9front's mk, replacing the tree's plan9.c.
 * Differences from Plan 9: the environment is the process environment
 * (rc's Unix port joins list elements with \001), children are forked and
 * a pipe is read directly (there is no /env or /fd).
 */
#include	"mk.h"
#include	"host.h"

char	shell[] =	"/bin/rc";
char	shellname[] =	"rc";

enum { LISTSEP = '\001' };

static Word*
splitlist(char *s)
{
	Word *head, **link;
	char *e;

	head = nil;
	link = &head;
	for(;;){
		e = strchr(s, LISTSEP);
		if(e != nil)
			*e = 0;
		*link = newword(s);
		link = &(*link)->next;
		if(e == nil)
			break;
		*e = LISTSEP;
		s = e+1;
	}
	return head;
}

void
readenv(void)
{
	char **ep, *eq, *name;

	for(ep = hx_environ(); *ep != nil; ep++){
		eq = strchr(*ep, '=');
		if(eq == nil || eq == *ep)
			continue;
		name = Malloc(eq - *ep + 1);
		memmove(name, *ep, eq - *ep);
		name[eq - *ep] = 0;
		/* skip funny names (rc functions, bash exports) and mk's own variables */
		if(*shname(name) != 0 || symlook(name, S_INTERNAL, 0) != nil || eq[1] == 0){
			free(name);
			continue;
		}
		setvar(name, splitlist(eq+1));
	}
}

/* runs in the child, just before exec */
static void
exportenv(Symtab **e)
{
	Bufblock *buf;
	Word *w;

	for(; *e != nil; e++){
		w = (*e)->u.ptr;
		if(w == nil){
			hx_unsetenv((*e)->name);
			continue;
		}
		buf = newbuf();
		for(; w != nil; w = w->next){
			bufcpy(buf, w->s);
			if(w->next != nil)
				insert(buf, LISTSEP);
		}
		insert(buf, 0);
		hx_setenv((*e)->name, buf->start);
		freebuf(buf);
	}
}

int
waitfor(char *msg)
{
	Waitmsg *w;
	int pid;

	w = wait();
	if(w == nil)
		return -1;
	strecpy(msg, msg+ERRMAX, w->msg);
	pid = w->pid;
	free(w);
	return pid;
}

void
expunge(int pid, char *msg)
{
	postnote(PNGROUP, pid, msg);
}

int
execsh(char *cmd, char *args, Symtab **env, Bufblock *buf)
{
	int fd, n, pid;

	pid = pipecmd(cmd, args, env, buf != nil ? &fd : nil);
	if(buf != nil){
		for(;;){
			if(buf->current >= buf->end)
				growbuf(buf);
			n = read(fd, buf->current, buf->end - buf->current);
			if(n <= 0)
				break;
			buf->current += n;
		}
		if(buf->current > buf->start && buf->current[-1] == '\n')
			buf->current--;
		close(fd);
	}
	return pid;
}

int
pipecmd(char *cmd, char *args, Symtab **env, int *fd)
{
	int pid, p[2];

	if(DEBUG(D_EXEC))
		fprint(1, "pipecmd='%s'\n", cmd);
	if(fd != nil && pipe(p) < 0){
		perror("pipe");
		Exit();
	}
	pid = rfork(RFPROC|RFFDG|RFENVG);
	if(pid < 0){
		perror("mk fork");
		Exit();
	}
	if(pid == 0){
		/* own process group, so that expunge() reaches the recipe's children */
		hx_setpgid();
		if(fd != nil){
			close(p[0]);
			dup(p[1], 1);
			close(p[1]);
		}
		if(env != nil)
			exportenv(env);
		if(args != nil)
			execl(shell, shellname, args, "-Ic", cmd, nil);
		else
			execl(shell, shellname, "-Ic", cmd, nil);
		perror(shell);
		_exits("exec");
	}
	if(fd != nil){
		close(p[1]);
		*fd = p[0];
	}
	return pid;
}

void
Exit(void)
{
	while(waitpid() >= 0)
		;
	exits("error");
}

static int
onnote(void*, char *msg)
{
	if(strcmp(msg, "interrupt") != 0 && strcmp(msg, "hangup") != 0 && strcmp(msg, "kill") != 0)
		return 1;	/* ignore anything else */
	killchildren(msg);
	return 0;
}

void
catchnotes(void)
{
	atnotify(onnote, 1);
}

int
chgtime(char *name)
{
	Dir d;

	if(access(name, AEXIST) < 0)
		return close(create(name, OWRITE, 0666));
	nulldir(&d);
	d.mtime = time(nil);
	return dirwstat(name, &d);
}

void
rcopy(char **to, Resub *match, int n)
{
	char *e, c;

	*to++ = match->sp;	/* the whole target */
	for(match++, n--; n > 0; n--, to++, match++){
		if(match->sp == nil || match->ep == nil){
			*to = nil;
			continue;
		}
		e = match->ep;
		c = *e;
		*e = 0;
		*to = Strdup(match->sp);
		*e = c;
	}
}

/* cache the mtimes of a whole directory at once: one dirread instead of many stats */
static void
bulkdir(char *dir)
{
	Bufblock *path;
	Dir *d;
	int fd, i, n, base;

	if(symlook(dir, S_BULKED, 0) != nil)
		return;
	symlook(dir, S_BULKED, 1);
	path = newbuf();
	bufcpy(path, dir);
	base = 0;
	/* names in "." are looked up bare; elsewhere as dir/name */
	if(strcmp(dir, ".") != 0){
		if(dir[0] == 0 || dir[strlen(dir)-1] != '/')
			insert(path, '/');
		base = path->current - path->start;
	}
	insert(path, 0);
	fd = open(path->start, OREAD);
	if(fd >= 0){
		while((n = dirread(fd, &d)) > 0){
			for(i = 0; i < n; i++){
				path->current = path->start + base;
				bufcpy(path, d[i].name);
				insert(path, 0);
				symlook(path->start, S_TIME, 1)->u.value = d[i].mtime ? d[i].mtime : 1;
			}
			free(d);
		}
		close(fd);
	}
	freebuf(path);
}

ulong
mkmtime(char *name, int force)
{
	char *a, *s;
	Symtab *sym;
	Dir *d;
	ulong t;

	t = 0;
	a = Malloc(strlen(name)+3);
	strcpy(a, name);
	cleanname(a);
	s = utfrrune(a, '/');
	if(s != nil){
		*s = 0;
		bulkdir(*a ? a : "/");
		*s = '/';
	}else
		bulkdir(".");
	if(force){
		d = dirstat(a);
		if(d != nil){
			t = d->mtime;
			free(d);
		}
	}else if((sym = symlook(a, S_TIME, 0)) != nil)
		t = sym->u.value;
	free(a);
	return t;
}
