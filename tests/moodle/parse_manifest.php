<?php
// Runs Moodle's own SCORM manifest parser on one imsmanifest.xml, as Moodle does on upload:
// scorm_parse_scorm() from MOODLE_DIR/mod/scorm/datamodels/scormlib.php. The few Moodle calls
// it makes outside that file (the database, the file store, strings, output) are replaced by
// stand-ins that record what Moodle would store; nothing of Moodle is copied here.
//
// Usage: php parse_manifest.php MOODLE_DIR path/to/imsmanifest.xml
// Prints a JSON summary on stdout; a manifest Moodle cannot take ends PHP with its fatal error.

define('MOODLE_INTERNAL', true);

if ($argc !== 3) {
    fwrite(STDERR, "usage: php parse_manifest.php MOODLE_DIR MANIFEST\n");
    exit(2);
}
[, $moodledir, $manifestpath] = $argv;

/** The uploaded manifest, as Moodle's file store hands it to the parser. */
class stored_file {
    public function __construct(private string $path) {
    }

    public function get_content(): string {
        return file_get_contents($this->path);
    }
}

/** Records every row the parser inserts, table by table. */
class recording_database {
    public array $rows = [];
    private int $nextid = 1;

    public function get_records($table, $conditions = null) {
        return [];
    }

    public function insert_record($table, $record) {
        $this->rows[$table][] = (array) $record;
        return $this->nextid++;
    }

    public function set_field(...$arguments) {
        return true;
    }

    public function delete_records(...$arguments) {
        return true;
    }
}

/** Escapes a string for JavaScript, as lib/weblib.php does for resource identifiers. */
function addslashes_js($value) {
    $value = str_replace('\\', '\\\\', $value);
    $value = str_replace(["'", '"', "\n", "\r", "\0"], ["\\'", '\\"', '\\n', '\\r', '\\0'], $value);
    return str_replace('</', '<\/', $value);
}

function get_string($identifier, $component = '') {
    return "[[$identifier]]";
}

function scorm_array_search($item, $needle, $haystacks, $strict = false) {
    foreach ($haystacks as $key => $element) {
        if (isset($element->$item) && $element->$item == $needle) {
            return $key;
        }
    }
    return false;
}

$OUTPUT = new class {
    public function notification($message) {
        return "notification: $message\n";
    }
};
$CFG = new stdClass();
$DB = new recording_database();

require $moodledir . '/mod/scorm/datamodels/scormlib.php';

$scorm = new stdClass();
$scorm->id = 1;
scorm_parse_scorm($scorm, new stored_file($manifestpath));

$scoes = array_values(array_filter(
    $DB->rows['scorm_scoes'] ?? [],
    fn ($row) => ($row['scormtype'] ?? '') === 'sco'
));
$data = [];
foreach ($DB->rows['scorm_scoes_data'] ?? [] as $row) {
    $data[$row['name']][] = $row['value'];
}
$summary = [
    'version' => $scorm->version ?? null,
    'launch' => $scorm->launch,
    'scos' => array_map(fn ($row) => ['identifier' => $row['identifier'], 'title' => $row['title'] ?? ''], $scoes),
    'rows' => array_map('count', $DB->rows),
    'data' => $data,
];
echo json_encode($summary, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
