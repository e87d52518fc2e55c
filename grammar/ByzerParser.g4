// Byzer-lang parser. One rule per statement kind; the AST builder (src/ByzerSharp.Syntax/Ast)
// turns each into an immutable record with the same name (loadStatement -> LoadStatement).
parser grammar ByzerParser;

options { tokenVocab = ByzerLexer; }

// Unlike the original (which has no EOF anchor and demands a ';' after every statement),
// the final ';' is optional and empty statements are allowed.
script
    : SEMI* ( statement ( SEMI+ statement )* SEMI* )? EOF
    ;

statement
    : loadStatement
    | saveStatement
    | selectStatement
    | insertStatement
    | createStatement
    | dropStatement
    | refreshStatement
    | setStatement
    | connectStatement
    | trainStatement
    | registerStatement
    | unregisterStatement
    | includeStatement
    | commandStatement
    | cellStatement
    ;

// A notebook cell (`#%csharp` … `#%end`). It needs no ';' after it: ScriptParser puts a
// zero-width SEMI after each CELL token in the stream the parser reads.
cellStatement
    : CELL
    ;

loadStatement
    : LOAD format DOT path options? AS tableName
    ;

saveStatement
    : SAVE saveMode* tableName AS format DOT path options? partitionByClause?
    ;

saveMode
    : OVERWRITE | APPEND | ERRORIFEXISTS | IGNORE
    ;

partitionByClause
    : PARTITIONBY ( col ( COMMA col )* )?
    ;

// The body is opaque here: the trailing `as <table>` is split off by the AST builder.
selectStatement
    : SELECT sqlToken*
    ;

insertStatement
    : INSERT sqlToken*
    ;

createStatement
    : CREATE sqlToken*
    ;

dropStatement
    : DROP sqlToken*
    ;

refreshStatement
    : REFRESH sqlToken*
    ;

sqlToken
    : ~SEMI
    ;

setStatement
    : SET setKey EQ setValue options?
    ;

setKey
    : qualifiedName
    ;

setValue
    : qualifiedName
    | quoted
    ;

connectStatement
    : CONNECT format options? ( AS connectionName )?
    ;

// train, run and predict share one shape; the keyword says which ET method is called.
trainStatement
    : kind=( TRAIN | RUN | PREDICT ) tableName ( AS | INTO ) format DOT path options? ( AS tableName )*
    ;

registerStatement
    : REGISTER format DOT path AS functionName options?
    ;

unregisterStatement
    : UNREGISTER format DOT path options?
    ;

includeStatement
    : INCLUDE format DOT path options?
    ;

// Arguments are grouped by the AST builder: adjacent raw tokens glue into one argument.
commandStatement
    : EXECUTE_COMMAND commandToken*
    ;

commandToken
    : ~SEMI
    ;

options
    : ( WHERE | OPTIONS ) option? ( AND option )*
    | option ( AND option )*
    ;

option
    : qualifiedName EQ optionValue
    ;

optionValue
    : STRING
    | BLOCK_STRING
    ;

quoted
    : STRING
    | BLOCK_STRING
    | BACKQUOTED_IDENTIFIER
    ;

format: identifier;
path: identifier;
tableName: identifier;
functionName: identifier;
col: identifier;
connectionName: qualifiedName;

qualifiedName
    : identifier ( DOT identifier )*
    ;

identifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    ;
