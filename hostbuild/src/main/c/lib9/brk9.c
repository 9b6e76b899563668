/*
 * ants: brk for the compilers' own allocator (the tree's cc/compat), which
 * grows one contiguous heap from the symbol "end". Under Linux's address
 * randomization the program break does not start at end, so a data edit in
 * host-tools.yaml points that allocator at this arena instead; Linux maps
 * its pages, zeroed, only when they are first touched.
 */
#include <u.h>
#include <libc.h>

enum { Arena = 1<<30 };

char antsheap[Arena];

int
brk(void *p)
{
	if((char*)p < antsheap || (char*)p > antsheap + Arena){
		werrstr("out of memory: the host compilers' heap is %d MB", Arena>>20);
		return -1;
	}
	return 0;
}
