using PlatformFit.Core.Model;

namespace PlatformFit.Core.Tests.Config
{
    public class HandlerReferenceTests
    {
        [Fact]
        public void Parses_the_class_library_form()
        {
            var handler = HandlerReference.Parse("MyFn::MyFn.Function::FunctionHandler");
            Assert.Equal(new HandlerReference("MyFn", "MyFn.Function", "FunctionHandler"), handler);
            Assert.False(handler!.IsExecutable);
        }

        [Fact]
        public void Parses_the_executable_form()
        {
            var handler = HandlerReference.Parse(" MyApi ");
            Assert.Equal("MyApi", handler!.Assembly);
            Assert.True(handler.IsExecutable);
        }

        [Theory]
        [InlineData("")]
        [InlineData("A::B")]
        [InlineData("A::B::C::D")]
        [InlineData("A::::C")]
        [InlineData("src/handler.main")]
        [InlineData("handler name")]
        public void Rejects_strings_of_neither_shape(string text) => Assert.Null(HandlerReference.Parse(text));
    }
}
