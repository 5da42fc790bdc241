using DiffPlex;
using DiffPlex.Chunkers;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Services.Admin;

/// <summary>
/// Word-level differences between two texts (DiffPlex). Vietnamese words are syllables
/// separated by spaces, so a word chunker gives a diff an editor reads naturally;
/// both sides are NFC so precomposed and decomposed letters compare equal.
/// </summary>
public static class WordDiff
{
    private static readonly Differ Differ = new();
    private static readonly char[] Separators = [' ', '\n', '\t', '\r'];

    public static IReadOnlyList<DiffPiece> Compare(string? before, string? after)
    {
        var old = VietnameseText.Nfc(before) ?? string.Empty;
        var current = VietnameseText.Nfc(after) ?? string.Empty;
        var result = Differ.CreateDiffs(old, current, ignoreWhiteSpace: false, ignoreCase: false, new DelimiterChunker(Separators));
        var pieces = new List<DiffPiece>();
        var oldPosition = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(pieces, result.PiecesOld, oldPosition, block.DeleteStartA - oldPosition, DiffKind.Same);
            Add(pieces, result.PiecesOld, block.DeleteStartA, block.DeleteCountA, DiffKind.Deleted);
            Add(pieces, result.PiecesNew, block.InsertStartB, block.InsertCountB, DiffKind.Inserted);
            oldPosition = block.DeleteStartA + block.DeleteCountA;
        }

        Add(pieces, result.PiecesOld, oldPosition, result.PiecesOld.Count - oldPosition, DiffKind.Same);
        return pieces;
    }

    public static bool HasChanges(IReadOnlyList<DiffPiece> pieces) => pieces.Any(p => p.Kind != DiffKind.Same);

    private static void Add(List<DiffPiece> pieces, IReadOnlyList<string> words, int start, int count, DiffKind kind)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(words.Skip(start).Take(count));
        if (pieces.Count > 0 && pieces[^1].Kind == kind)
        {
            pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        }
        else
        {
            pieces.Add(new DiffPiece(text, kind));
        }
    }
}
