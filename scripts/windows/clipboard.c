/* Test-only: reads or writes the Windows clipboard the way any other Windows program does
 * (OpenClipboard, CF_UNICODETEXT), to prove that Copy and Paste in the Windows build reach the
 * real clipboard. Built by scripts/windows.sh setup; never shipped.
 *
 *   clipboard get          prints the clipboard's text as UTF-8 (exit 1: no text)
 *   clipboard set TEXT     puts TEXT (UTF-8 argument) on the clipboard
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static int get(void)
{
    if (!OpenClipboard(NULL))
        return 2;
    HANDLE data = GetClipboardData(CF_UNICODETEXT);
    if (data == NULL) {
        CloseClipboard();
        return 1;
    }
    const wchar_t *text = GlobalLock(data);
    int size = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
    char *utf8 = HeapAlloc(GetProcessHeap(), 0, size);
    WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, size, NULL, NULL);
    GlobalUnlock(data);
    CloseClipboard();
    fwrite(utf8, 1, strlen(utf8), stdout);
    return 0;
}

static int set(const wchar_t *text)
{
    size_t bytes = (wcslen(text) + 1) * sizeof(wchar_t);
    HGLOBAL memory = GlobalAlloc(GMEM_MOVEABLE, bytes);
    memcpy(GlobalLock(memory), text, bytes);
    GlobalUnlock(memory);
    if (!OpenClipboard(NULL))
        return 2;
    EmptyClipboard();
    int ok = SetClipboardData(CF_UNICODETEXT, memory) != NULL;
    CloseClipboard();
    return ok ? 0 : 2;
}

int wmain(int argc, wchar_t **argv)
{
    if (argc == 2 && wcscmp(argv[1], L"get") == 0)
        return get();
    if (argc == 3 && wcscmp(argv[1], L"set") == 0)
        return set(argv[2]);
    fputs("usage: clipboard get | clipboard set TEXT\n", stderr);
    return 64;
}
