/**
 * Names a Python module may use without defining or importing them: the builtins module
 * (functions, constants, exception classes) and the module-level dunders. Data, kept compact.
 */
const functions = `abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex
copyright credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex
id input int isinstance issubclass iter len license list locals map max memoryview min next object oct open ord pow print property
quit range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__ __build_class__`;

const constants = `True False None Ellipsis NotImplemented __debug__ __name__ __file__ __doc__ __package__ __spec__ __loader__
__builtins__ __path__ __all__ __annotations__ __dict__ __class__ __module__ __qualname__
get_ipython __IPYTHON__`;

const exceptions = `BaseException BaseExceptionGroup Exception ExceptionGroup ArithmeticError AssertionError AttributeError BlockingIOError
BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError
ConnectionResetError DeprecationWarning EncodingWarning EnvironmentError EOFError FileExistsError FileNotFoundError
FloatingPointError FutureWarning GeneratorExit ImportError ImportWarning IndentationError IndexError InterruptedError
IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError
NotImplementedError OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError
ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError
UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError IOError WindowsError`;

export const pythonBuiltins: ReadonlySet<string> = new Set([functions, constants, exceptions].join(' ').split(/\s+/));
