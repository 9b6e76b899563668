/*
 * ants: ILP32 <u.h> for building Plan 9 host tools with gcc -m32.
 * It includes no system header on purpose: Plan 9 names (create, seek,
 * select, getopt, ...) must not meet glibc's declarations.
 */
#define nil		((void*)0)
typedef	unsigned short	ushort;
typedef	unsigned char	uchar;
typedef unsigned long	ulong;
typedef unsigned int	uint;
typedef signed char	schar;
typedef	long long	vlong;
typedef	unsigned long long uvlong;
typedef long		intptr;
typedef unsigned long	uintptr;
typedef unsigned long	usize;
typedef	uint		Rune;
typedef union FPdbleword FPdbleword;
/* large enough for glibc's i386 jmp_buf (156 bytes) */
typedef long		jmp_buf[48];
#define	JMPBUFSP	0
#define	JMPBUFPC	1
#define	JMPBUFDPC	0
typedef unsigned int	mpdigit;
typedef unsigned char	u8int;
typedef unsigned short	u16int;
typedef unsigned int	u32int;
typedef unsigned long long u64int;
typedef signed char s8int;
typedef signed short s16int;
typedef signed int s32int;
typedef signed long long s64int;

/* FCR, as on 386 */
#define	FPINEX	(1<<5)
#define	FPUNFL	((1<<4)|(1<<1))
#define	FPOVFL	(1<<3)
#define	FPZDIV	(1<<2)
#define	FPINVAL	(1<<0)
#define	FPRNR	(0<<10)
#define	FPRZ	(3<<10)
#define	FPRPINF	(2<<10)
#define	FPRNINF	(1<<10)
#define	FPRMASK	(3<<10)
#define	FPPEXT	(3<<8)
#define	FPPSGL	(0<<8)
#define	FPPDBL	(2<<8)
#define	FPPMASK	(3<<8)
#define	FPAINEX	FPINEX
#define	FPAOVFL	FPOVFL
#define	FPAUNFL	FPUNFL
#define	FPAZDIV	FPZDIV
#define	FPAINVAL	FPINVAL
union FPdbleword
{
	double	x;
	struct {	/* little endian */
		ulong lo;
		ulong hi;
	};
};

/* gcc's own varargs: the Plan 9 stack-walking macros break under optimisation */
typedef	__builtin_va_list va_list;
#define va_start(list, start)	__builtin_va_start(list, start)
#define va_end(list)		__builtin_va_end(list)
#define va_arg(list, mode)	__builtin_va_arg(list, mode)
#define va_copy(d, s)		__builtin_va_copy(d, s)

/* kencc built-ins */
#define USED(...)	((void)0)
#define SET(...)	((void)0)

/* the Plan 9 program's main is renamed so that ours can call exits() when it returns */
#define main	p9main

/* glibc's setjmp; the name setjmp is a real function in glibc for i386 */
#define setjmp(b)	_setjmp(b)
extern int _setjmp(jmp_buf);
