/*
 * ants: lib9's emulation of /env and /fd (ns9.c). Each returns -2 when
 * the path or descriptor is not one of them, so the caller goes on to
 * the host file system.
 */
int	nsopen(char *path, int mode, int creating);
void	nsclose(int fd);
int	nsremove(char *path);
long	nsdirread(int fd, Dir **dp);
