// Byzer-lang lexer.
//
// Follows the original DSLSQL.g4 lexical rules (see docs/language.md): keywords are
// case-insensitive, identifiers and strings keep their case, there is no number token, and any
// character the lexer does not know becomes UNRECOGNIZED so that opaque SQL bodies
// (select/insert/create/drop/refresh) can hold anything.
lexer grammar ByzerLexer;

options { caseInsensitive = true; }

channels { COMMENTS }

// Statement keywords.
LOAD: 'load';
SAVE: 'save';
SELECT: 'select';
INSERT: 'insert';
CREATE: 'create';
DROP: 'drop';
REFRESH: 'refresh';
SET: 'set';
CONNECT: 'connect';
TRAIN: 'train';
RUN: 'run';
PREDICT: 'predict';
REGISTER: 'register';
UNREGISTER: 'unregister';
INCLUDE: 'include';

// Clause keywords.
AS: 'as';
INTO: 'into';
OPTIONS: 'options';
WHERE: 'where';
AND: 'and';
PARTITIONBY: 'partitionby';
OVERWRITE: 'overwrite';
APPEND: 'append';
IGNORE: 'ignore';
// Byzer's own grammar spells this with capitals and so never matches it; we accept it in any case.
ERRORIFEXISTS: 'errorifexists';

DOT: '.';
SEMI: ';';
EQ: '=';
MINUS: '-';
SLASH: '/';
GT: '>';
LT: '<';
TILDE: '~';
COMMA: ',';

// A notebook cell (docs/csharp-cells.md): a `#%<kind>` line at the start of a line, then its
// `#%key=value` header lines and its body, up to a `#%end` line (included), the next `#%<kind>`
// line or the end of the script. One token, so the ';' of the C# inside never ends a statement.
CELL
    : {Column == 0}? '#%' CELL_NAME ~[\r\n]* ( CELL_NL CELL_LINE )* ( CELL_NL '#%end' [ \t]* )?
    ;
fragment CELL_NAME: [a-z_] [a-z0-9_]*;
fragment CELL_NL: '\r'? '\n';
fragment CELL_LINE
    : ( ~[#\r\n] ~[\r\n]* )?
    | '#' ~[%\r\n] ~[\r\n]*
    | '#%' [ \t]* CELL_NAME [ \t]* '=' ~[\r\n]*
    ;

// `!name` is one token: the macro/command name.
EXECUTE_COMMAND: '!' [a-z0-9_]+;
BANG: '!';

// Triple-quoted block: no escapes, cannot contain ''' itself. Must precede STRING.
BLOCK_STRING: '\'\'\'' ~[+] .*? '\'\'\'';

STRING
    : '\'' ( ~['\\] | '\\' . )* '\''
    | '"' ( ~["\\] | '\\' . )* '"'
    ;

BACKQUOTED_IDENTIFIER: '`' ( ~'`' | '``' )* '`';

IDENTIFIER: [a-z0-9_]+;

LINE_COMMENT: '--' ~[\r\n]* -> channel(COMMENTS);
BLOCK_COMMENT: ( '/**/' | '/*' ~[+] .*? '*/' ) -> channel(COMMENTS);

WS: [ \r\n\t]+ -> channel(HIDDEN);

// An unterminated quote or block must not silently swallow the rest of the script as
// UNRECOGNIZED characters: these tokens let the parser report exactly where it started.
// Each one only matches text that does NOT contain its closer: the lexer prefers the longest
// match, so a looser `.*? EOF` would beat every properly closed block string or comment.
UNTERMINATED_BLOCK_STRING
    : '\'\'\'' ( ~[+] ( ~'\'' | '\'' ~'\'' | '\'\'' ~'\'' )* ( '\'' | '\'\'' )? )? EOF
    ;
UNTERMINATED_STRING
    : '\'' ( ~['\\] | '\\' . )* '\\'? EOF
    | '"' ( ~["\\] | '\\' . )* '\\'? EOF
    ;
UNTERMINATED_BACKQUOTE: '`' ( ~'`' | '``' )* EOF;
UNTERMINATED_COMMENT
    : '/*' ( ( ~[+*] | '*'+ ~[*/] ) ( ~'*' | '*'+ ~[*/] )* '*'* | '*'+ )? EOF
    ;

UNRECOGNIZED: .;
