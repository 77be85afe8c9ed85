using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.IO;

/// <summary>
/// The fields of one line. Fields are separated by any run of spaces, tabs and commas, so both
/// <c>1 2 3</c> and <c>1,2,3</c> (and <c>1, 2, 3</c>) give three fields.
/// </summary>
internal ref struct Tokens
{
    private ReadOnlySpan<char> _rest;

    public Tokens(ReadOnlySpan<char> line) => _rest = line;

    public static bool IsSeparator(char c) => c is ' ' or '\t' or ',' or '\v' or '\f';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryNext(out ReadOnlySpan<char> token)
    {
        int start = 0;
        while (start < _rest.Length && IsSeparator(_rest[start])) start++;
        if (start == _rest.Length)
        {
            token = default;
            _rest = default;
            return false;
        }
        int stop = start + 1;
        while (stop < _rest.Length && !IsSeparator(_rest[stop])) stop++;
        token = _rest[start..stop];
        _rest = _rest[stop..];
        return true;
    }
}
