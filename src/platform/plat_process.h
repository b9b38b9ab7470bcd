/* Ending the process at once, as a kill would (crash tests only). */
#ifndef NTMSAPI_PLATFORM_PLAT_PROCESS_H
#define NTMSAPI_PLATFORM_PLAT_PROCESS_H

void plat_process_die(void);

#endif
