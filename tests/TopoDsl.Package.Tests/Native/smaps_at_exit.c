/* Preloaded into a program (LD_PRELOAD): as the program exits, copies its /proc/self/smaps, which says how much of each
   mapping is resident, to the file SMAPS_AT_EXIT names. NativeToolTests reads the executable's code mapping from it. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((destructor)) static void copy_smaps_at_exit(void)
{
    const char *target = getenv("SMAPS_AT_EXIT");
    if (target == NULL) return;
    FILE *in = fopen("/proc/self/smaps", "r");
    FILE *out = fopen(target, "w");
    if (in != NULL && out != NULL)
    {
        char buffer[65536];
        size_t count;
        while ((count = fread(buffer, 1, sizeof buffer, in)) > 0) fwrite(buffer, 1, count, out);
    }
    if (in != NULL) fclose(in);
    if (out != NULL) fclose(out);
}
