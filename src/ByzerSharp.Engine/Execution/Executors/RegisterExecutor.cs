using ByzerSharp.Diagnostics;
using ByzerSharp.Planning;
using ByzerSharp.Plugins;
using ByzerSharp.Session;

namespace ByzerSharp.Execution.Executors;

/// <summary>Runs <see cref="PlanRegister"/> and <see cref="PlanUnregister"/>.</summary>
internal static class RegisterExecutor
{
    public static TableEntry Execute(ByzerSession session, PlanRegister step)
    {
        var register = step.Register;
        var et = session.FindEt(register.Module.Text)!;
        var path = TrainExecutor.ResolvePath(session, et, session.Render(register.Path), register.Path.Span);
        var options = session.RenderOptions(register.Options, register.Span);
        var context = new RegisterContext(session, register, path, options, register.FunctionName.Text);
        EtOptionCheck.Check(et, context);
        et.Register(context);
        // Byzer returns an empty (key, value) table for register.
        return session.DefineResult("SELECT CAST(NULL AS VARCHAR) AS key, CAST(NULL AS VARCHAR) AS value WHERE false", register.Span);
    }

    public static void Execute(ByzerSession session, PlanUnregister step)
    {
        var unregister = step.Unregister;
        var name = session.Render(unregister.Path);
        if (!session.UnregisterFunction(name))
        {
            throw ByzerException.Semantic(
                $"no function named '{name}' is registered",
                unregister.Path.Span,
                "unregister ET.`functionName`; !show functions lists the registered ones");
        }
    }
}
