using System.Text;

namespace PlatformFit.RuleGen
{
    /// <summary>Builds text line by line with "\n" endings whatever the machine, so that generated files are byte-identical everywhere.</summary>
    internal sealed class LineBuilder
    {
        private readonly StringBuilder _text = new();

        public LineBuilder Line(string line = "")
        {
            _text.Append(line).Append('\n');
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
