using ByzerSharp.Cells;
using ByzerSharp.Text;
using Xunit;

namespace ByzerSharp.Tests.Cells;

/// <summary>Only cells that use TorchSharp load libtorch, although every cell has torch's usings.</summary>
public sealed class TorchUseTests
{
    private static bool Uses(string code)
    {
        var file = new SourceFile("cell.byzer", code);
        var span = new SourceSpan(file, 0, code.Length);
        return CellCompiler.UsesTorch(CellCompiler.CompileProgram(code, span, span));
    }

    [Fact]
    public void AnOpenCvCellDoesNotUseTorch() =>
        Assert.False(Uses("""
            context.Foreach(row =>
            {
                using var image = Cv2.ImDecode(row.Bytes("content"), ImreadModes.Color);
                return new Row { ["width"] = (long)image.Width };
            });
            """));

    [Fact]
    public void CallingTorchUsesIt() => Assert.True(Uses("var t = zeros(2); Console.WriteLine(t.shape[0]);"));

    [Fact]
    public void AQualifiedCallUsesIt() => Assert.True(Uses("Console.WriteLine(torch.cuda.is_available());"));

    [Fact]
    public void DeclaringATorchTypeUsesIt() => Assert.True(Uses("""
        Console.WriteLine(new Net().GetType().Name);
        class Net : nn.Module<Tensor, Tensor>
        {
            public Net() : base("net") { }
            public override Tensor forward(Tensor input) => input;
        }
        """));
}
