#!/usr/bin/env python3
"""Run Microsoft's real System.Net.Mail (.NET Core 3.1) on SMTP scenarios.

A test oracle: what does ASP.NET's own mail client do against a given server?
Set up by scripts/dotnet-oracle.sh (run it with `setup`, then take the
environment from `env`); run with the venv's Python from that environment.

Input (stdin): one JSON document
  {"scenarios": [{
      "name": str, "host": str, "port": int, "enable_ssl": bool,
      "user": str|null, "password": str|null,
      "default_credentials": bool (default false),
      "client_domain": str|null  (EHLO name; null = .NET's default, the host name),
      "from": str, "to": str, "subject": str, "body": str,
      "timeout_ms": int,
      "cancel_after_ms": int (optional; see below)
  }, ...]}

Output (stdout): one JSON document
  {"runtime": "<RuntimeInformation.FrameworkDescription>",
   "results": [{"name": str, "sent": bool, "elapsed_ms": float,
                "exception": null | EXC}, ...]}
  EXC = {"type": full .NET type name, "message": str,
         "status_code": SmtpStatusCode name or null (SmtpException family only),
         "failed_recipient": str|null, "hresult": int, "inner": EXC|null}
  Extra keys, only where they apply: a SocketException also carries
  "socket_error" (SocketError enum name, e.g. "ConnectionRefused"); an
  SmtpFailedRecipientsException (several recipients failed) also carries
  "inner_exceptions": [EXC, ...].

Each scenario gets a fresh SmtpClient (Host, Port, EnableSsl,
Timeout = timeout_ms, DeliveryMethod = Network, UseDefaultCredentials, then
Credentials = NetworkCredential(user, password) when user is given — in that
order, as ASP.NET code usually does it, because setting UseDefaultCredentials
replaces Credentials) and a MailMessage(from, to, subject, body); Send is
called and both are disposed. Scenarios run one after another in this one
process (starting the runtime costs about a second).

client_domain: .NET Core has no public property for the EHLO name; the driver
sets SmtpClient's non-public instance field `clientDomain` by reflection, and
stops with a driver error if that field is not there.

cancel_after_ms: the scenario uses SendMailAsync instead of Send; if the
task has not finished after that many milliseconds the driver calls
SendAsyncCancel. The reported exception is the task's (what `await` throws),
and the result gains "cancel_requested": bool.

A .NET exception from Send is a result. A problem of the driver itself (bad
JSON, missing field, runtime not loadable) is written to stderr and the exit
code is 2. The password is never written anywhere.

Environment: MAILTESTER_DOTNET_ROOT (folder with host/ and shared/; by
default found in the dotnetcore2 package), MAILTESTER_DOTNET_OPENSSL_LIB
(folder with libssl.so.1.1 and libcrypto.so.1.1, loaded before the runtime;
otherwise they must be on LD_LIBRARY_PATH), SSL_CERT_FILE / SSL_CERT_DIR
(trust, read by OpenSSL 1.1).
"""

import ctypes
import json
import os
import sys
import tempfile
import time

RUNTIME_VERSION = "3.1.23"

REQUIRED = {
    "name": str,
    "host": str,
    "port": int,
    "enable_ssl": bool,
    "from": str,
    "to": str,
    "subject": str,
    "body": str,
    "timeout_ms": int,
}
OPTIONAL = {
    "user": (str, type(None)),
    "password": (str, type(None)),
    "default_credentials": bool,
    "client_domain": (str, type(None)),
    "cancel_after_ms": (int, type(None)),
}


class DriverError(Exception):
    """A problem with the driver's input or set-up, not a .NET result."""


def _is_type(value, types):
    if not isinstance(types, tuple):
        types = (types,)
    # JSON true/false must not pass as an int, nor 1/0 as a bool.
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def read_scenarios(text):
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        # The message names a position only, never the input's text.
        raise DriverError(f"input is not valid JSON: {e}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("scenarios"), list):
        raise DriverError('input must be an object with a "scenarios" list')
    scenarios = doc["scenarios"]
    for i, sc in enumerate(scenarios):
        where = f"scenario #{i}"
        if not isinstance(sc, dict):
            raise DriverError(f"{where} is not an object")
        if isinstance(sc.get("name"), str):
            where = f"scenario #{i} ({sc['name']!r})"
        for key, types in REQUIRED.items():
            if key not in sc:
                raise DriverError(f"{where}: missing field {key!r}")
            if not _is_type(sc[key], types):
                raise DriverError(f"{where}: field {key!r} has the wrong type")
        for key, types in OPTIONAL.items():
            if key in sc and not _is_type(sc[key], types):
                raise DriverError(f"{where}: field {key!r} has the wrong type")
        unknown = sorted(set(sc) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            raise DriverError(f"{where}: unknown field(s) {', '.join(unknown)}")
    return scenarios


def load_openssl():
    """Load OpenSSL 1.1 before the runtime does.

    .NET Core 3.1 aborts the whole process when it needs libssl and finds no
    usable version; checking first turns that into a clear driver error.
    Once loaded here, the runtime's own dlopen("libssl.so.1.1") finds it.
    """
    folder = os.environ.get("MAILTESTER_DOTNET_OPENSSL_LIB")
    names = ["libcrypto.so.1.1", "libssl.so.1.1"]
    for name in names:
        path = os.path.join(folder, name) if folder else name
        try:
            ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
        except OSError as e:
            raise DriverError(
                f"cannot load {name} (.NET Core 3.1 needs OpenSSL 1.1): {e}; "
                "run scripts/dotnet-oracle.sh setup and use the environment "
                "that `scripts/dotnet-oracle.sh env` prints"
            ) from None


def dotnet_root():
    root = os.environ.get("MAILTESTER_DOTNET_ROOT")
    if not root:
        try:
            import dotnetcore2
        except ImportError:
            raise DriverError(
                "package dotnetcore2 is not installed in this Python; run the "
                "driver with MAILTESTER_DOTNET_PYTHON from `scripts/dotnet-oracle.sh env`"
            ) from None
        root = os.path.join(os.path.dirname(dotnetcore2.__file__), "bin")
    shared = os.path.join(root, "shared", "Microsoft.NETCore.App", RUNTIME_VERSION)
    if not os.path.isdir(shared):
        raise DriverError(f"no .NET Core {RUNTIME_VERSION} runtime under {root}")
    return root


def start_runtime(tmpdir):
    # Must be set before the runtime starts: no ICU on the machine is needed.
    os.environ.setdefault("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
    os.environ.setdefault("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
    root = dotnet_root()
    config = os.path.join(tmpdir, "oracle.runtimeconfig.json")
    with open(config, "w", encoding="utf-8") as f:
        json.dump(
            {
                "runtimeOptions": {
                    "tfm": "netcoreapp3.1",
                    "framework": {
                        "name": "Microsoft.NETCore.App",
                        "version": RUNTIME_VERSION,
                    },
                }
            },
            f,
        )
    try:
        import clr_loader
        import pythonnet
    except ImportError as e:
        raise DriverError(f"pythonnet/clr-loader missing: {e}") from None
    try:
        pythonnet.set_runtime(clr_loader.get_coreclr(runtime_config=config, dotnet_root=root))
        import clr  # noqa: F401  (loads the runtime)

        clr.AddReference("System.Net.Mail")
        clr.AddReference("System.Net.Primitives")
    except Exception as e:  # the runtime did not load: a set-up problem
        raise DriverError(f"could not start the .NET runtime: {type(e).__name__}: {e}") from None


def exception_json(e):
    """A .NET exception and its InnerException chain as JSON."""
    from System.Net.Sockets import SocketException
    from System.Net.Mail import (
        SmtpException,
        SmtpFailedRecipientException,
        SmtpFailedRecipientsException,
    )

    out = {
        "type": e.GetType().FullName,
        "message": e.Message,
        "status_code": None,
        "failed_recipient": None,
        "hresult": int(e.HResult),
        "inner": None,
    }
    if isinstance(e, SmtpException):
        out["status_code"] = e.StatusCode.ToString()
    if isinstance(e, SmtpFailedRecipientException):
        out["failed_recipient"] = e.FailedRecipient
    if isinstance(e, SocketException):
        out["socket_error"] = e.SocketErrorCode.ToString()
    if isinstance(e, SmtpFailedRecipientsException) and e.InnerExceptions is not None:
        out["inner_exceptions"] = [exception_json(x) for x in e.InnerExceptions]
    if e.InnerException is not None:
        out["inner"] = exception_json(e.InnerException)
    return out


def run_scenario(sc):
    from System import Exception as NetException
    from System.Net import NetworkCredential
    from System.Net.Mail import MailMessage, SmtpClient, SmtpDeliveryMethod
    from System.Reflection import BindingFlags

    client = SmtpClient()
    message = None
    result = {"name": sc["name"], "sent": False, "elapsed_ms": 0.0, "exception": None}
    start = None
    try:
        # Property setters and MailMessage's constructor throw too (bad host,
        # port or address): those are .NET results as well, with elapsed 0.
        client.Host = sc["host"]
        client.Port = sc["port"]
        client.EnableSsl = sc["enable_ssl"]
        client.Timeout = sc["timeout_ms"]
        client.DeliveryMethod = SmtpDeliveryMethod.Network
        client.UseDefaultCredentials = bool(sc.get("default_credentials", False))
        if sc.get("user") is not None:
            client.Credentials = NetworkCredential(sc["user"], sc.get("password") or "")
        if sc.get("client_domain") is not None:
            field = client.GetType().GetField(
                "clientDomain", BindingFlags.NonPublic | BindingFlags.Instance
            )
            if field is None or field.FieldType.FullName != "System.String":
                names = [
                    f.Name
                    for f in client.GetType().GetFields(
                        BindingFlags.NonPublic | BindingFlags.Instance
                    )
                ]
                raise DriverError(
                    "client_domain: SmtpClient has no non-public string field "
                    f"'clientDomain' in this runtime (fields: {', '.join(names)})"
                )
            field.SetValue(client, sc["client_domain"])
        message = MailMessage(sc["from"], sc["to"], sc["subject"], sc["body"])

        cancel_after = sc.get("cancel_after_ms")
        start = time.perf_counter()
        if cancel_after is None:
            client.Send(message)
        else:
            result["cancel_requested"] = False
            task = client.SendMailAsync(message)
            finished = False
            try:
                finished = task.Wait(cancel_after)
            except NetException:
                finished = True  # faulted or cancelled; read below
            if not finished:
                client.SendAsyncCancel()
                result["cancel_requested"] = True
                try:
                    task.Wait()
                except NetException:
                    pass
            if task.Exception is not None:
                # What `await` would throw: the first inner exception.
                result["exception"] = exception_json(task.Exception.InnerException)
            elif task.IsCanceled:
                from System.Threading.Tasks import TaskCanceledException

                result["exception"] = exception_json(TaskCanceledException(task))
        result["sent"] = result["exception"] is None
    except NetException as e:
        result["exception"] = exception_json(e)
    finally:
        if start is not None:
            result["elapsed_ms"] = round((time.perf_counter() - start) * 1000.0, 3)
        if message is not None:
            message.Dispose()
        client.Dispose()
    return result


def main():
    # Anything native code prints to stdout goes to stderr instead, so that
    # stdout carries the one JSON document and nothing else.
    real_stdout = os.fdopen(os.dup(1), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(2, 1)
    try:
        scenarios = read_scenarios(sys.stdin.read())
        load_openssl()
        with tempfile.TemporaryDirectory(prefix="dotnet-oracle-") as tmpdir:
            start_runtime(tmpdir)
            from System.Runtime.InteropServices import RuntimeInformation

            results = [run_scenario(sc) for sc in scenarios]
            doc = {"runtime": RuntimeInformation.FrameworkDescription, "results": results}
    except DriverError as e:
        print(f"dotnet_oracle: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # a bug in the driver: say where, exit 2
        import traceback

        traceback.print_exc()
        print(f"dotnet_oracle: driver failure: {type(e).__name__}", file=sys.stderr)
        return 2
    real_stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    real_stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
