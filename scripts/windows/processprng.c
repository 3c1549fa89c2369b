/* Test-only stand-in for bcryptprimitives.dll's ProcessPrng, which Wine 8 lacks and Rust's
 * standard library calls for random numbers on Windows. Never shipped: scripts/windows.sh
 * builds it into the Wine prefix used for tests. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE buf, SIZE_T len)
{
    return BCryptGenRandom(NULL, buf, (ULONG)len, BCRYPT_USE_SYSTEM_PREFERRED_RNG) >= 0;
}
