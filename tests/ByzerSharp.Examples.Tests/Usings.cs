global using ByzerSharp.Session;
global using Xunit;
