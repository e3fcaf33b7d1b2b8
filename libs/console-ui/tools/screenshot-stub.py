# Serves the console's real static files and canned answers shaped like the services' API, for screenshots only.
import http.server, json, os, sys, urllib.parse
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
ROOTS = {'/console-ui/': REPO + '/libs/console-ui/src/main/resources/META-INF/resources/console-ui/'}
SERVICE = sys.argv[2]
ROOTS['/console/'] = {'enrollment': REPO + '/enrollment-service', 'appeal': REPO + '/appeal-service'}[SERVICE] + '/src/main/resources/META-INF/resources/console/'
P1 = '6f1c2b7e-0a1d-4c55-9a57-3b1f2d9e8a01'
API = {
 '/console/api/me': {'user': 'clerk', 'bureau': 'demo-bureau', 'roles': ['admin', 'clerk']},
 '/api/v1/persons': {'items': [{'id': P1, 'personId': P1, 'surname': '张', 'givenName': '秀兰', 'idNumberMasked': '210***********0025', 'birthDate': '1951-03-08', 'pensionPlace': '顺城区', 'status': 'ACTIVE', 'period': '2026', 'state': 'APPEAL_REJECTED'}], 'page': 0, 'size': 50, 'total': 1},
 '/api/v1/persons/%s/certification' % P1: {'status': {'personId': P1, 'bureau': 'demo-bureau', 'period': '2026', 'state': 'APPEAL_REJECTED', 'message': '您的申诉审核未通过，请去当地社保大厅办理', 'nextPeriodStart': None, 'failedAttempts': 2, 'appeal': {'appealId': 'a1', 'status': 'REJECTED', 'openedAt': '2026-11-02T02:10:00Z', 'dueDate': '2026-11-16'}}, 'channel': None, 'certifiedAt': None, 'certifiedBy': None,
   'attempts': [{'startedAt': '2026-11-01T01:02:00Z', 'channel': 'SELF_SERVICE', 'passed': False, 'reasons': ['LOW_SIMILARITY']}, {'startedAt': '2026-11-02T02:05:00Z', 'channel': 'SELF_SERVICE', 'passed': False, 'reasons': ['ACTION_NOT_PERFORMED']}],
   'history': [{'periodId': '2025', 'state': 'CERTIFIED', 'channel': 'SELF_SERVICE', 'certifiedAt': '2025-03-12T03:00:00Z'}], 'suspendedSince': None},
 '/console/api/dashboard': {'bureau': 'demo-bureau', 'today': '2026-11-23', 'byStateAndChannel': [
   {'state': 'CERTIFIED', 'channel': 'SELF_SERVICE', 'people': 812}, {'state': 'CERTIFIED', 'channel': 'RELATIVE', 'people': 143}, {'state': 'CERTIFIED', 'channel': 'COUNTER', 'people': 95}, {'state': 'CERTIFIED', 'channel': 'CONSULATE', 'people': 6},
   {'state': 'DUE', 'channel': None, 'people': 402}, {'state': 'FAILED_ONCE', 'channel': None, 'people': 37}, {'state': 'APPEAL_UNDER_REVIEW', 'channel': None, 'people': 12}, {'state': 'APPEAL_REJECTED', 'channel': None, 'people': 3}, {'state': 'NOT_COLLECTED', 'channel': None, 'people': 21}],
   'appealsOpen': 12, 'appealsOverdue': 2, 'failureReasons': {'LOW_SIMILARITY': 31, 'ACTION_NOT_PERFORMED': 22, 'verdict_timeout': 9, 'SPOOF_SUSPECTED': 2},
   'attemptsPerDay': [{'day': '2026-11-%02d' % d, 'attempts': 20 + (d * 7) % 31, 'failed': 2 + d % 5} for d in range(16, 24)]},
 '/console/api/period-policy': {'bureau': 'demo-bureau', 'kind': 'FIXED_YEARLY', 'windowStart': '01-01', 'windowEnd': '12-31', 'currentPeriod': '2026', 'currentStart': '2026-01-01', 'currentEnd': '2026-12-31', 'editable': True, 'source': 'console', 'updatedBy': 'admin', 'updatedAt': '2026-11-20T06:00:00Z'},
 '/console/api/notification/reminder-offsets': {'bureau': 'demo-bureau', 'days': [30, 7, 1], 'source': 'bureau'},
 '/console/api/match-threshold': {'bureau': 'demo-bureau', 'threshold': 0.62, 'falseAcceptRate': 0.0008, 'min': 0.3, 'max': 0.9, 'calibration': [{'threshold': 0.3, 'falseAcceptRate': 0.02}, {'threshold': 0.5, 'falseAcceptRate': 0.003}, {'threshold': 0.62, 'falseAcceptRate': 0.0008}, {'threshold': 0.75, 'falseAcceptRate': 0.0001}, {'threshold': 0.9, 'falseAcceptRate': 0.00001}]},
 '/console/api/calendar': {'bureau': 'demo-bureau', 'year': 2026, 'national': [{'day': '2026-10-%02d' % d, 'kind': 'HOLIDAY', 'name': '国庆节'} for d in range(1, 8)] + [{'day': '2026-10-10', 'kind': 'WORKDAY', 'name': '国庆节调休'}],
   'bureauDays': [{'day': '2026-10-14', 'kind': 'HOLIDAY', 'name': '本市纪念日', 'importedBy': 'admin', 'importedAt': '2026-11-20T06:00:00Z'}]},
 '/console/api/calendar/appeal-due': {'bureau': 'demo-bureau', 'opened': '2026-11-23', 'workingDays': 10, 'dueDate': '2026-12-07'},
 '/api/v1/certification-rates': [{'period': '2025', 'channel': 'SELF_SERVICE', 'certified': 1201, 'total': 1480, 'rate': 0.8115}, {'period': '2025', 'channel': 'ALL', 'certified': 1433, 'total': 1480, 'rate': 0.9682}],
 '/console/api/notification/quiet-hours': {'start': '21:00', 'end': '08:00', 'zone': 'Asia/Shanghai'},
 '/console/api/notification/webhook': {'bureau': 'demo-bureau', 'url': 'https://si.example.gov.cn/lifecert/events', 'enabled': True, 'secret': None, 'previousSecretValidUntil': None, 'updatedAt': '2026-11-20T06:00:00Z'},
 '/api/v1/roster-imports/r1': {'importId': 'r1', 'status': 'COMPLETED', 'fileName': 'roster.csv', 'rowsRead': 500, 'created': 497, 'updated': 0, 'unchanged': 0, 'failed': 3},
 '/api/v1/roster-imports/r1/errors': [{'row': 17, 'field': 'idNumber', 'message': '请输入正确的身份证号'}, {'row': 203, 'field': 'surname', 'message': '请输入正确的中文姓'}, {'row': 388, 'field': 'consulate', 'message': '请选择使领馆'}],
}
class H(http.server.SimpleHTTPRequestHandler):
    def answer(self, body, status=200):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status); self.send_header('Content-Type', 'application/json'); self.send_header('Content-Length', str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        path = urllib.parse.urlparse(self.path).path
        if path in API: return self.answer(API[path])
        if path.endswith('/reference-photos/template'): return self.answer({'message': 'not found'}, 404)
        for prefix, root in ROOTS.items():
            if path.startswith(prefix):
                f = root + (path[len(prefix):] or 'index.html')
                if os.path.isfile(f):
                    data = open(f, 'rb').read(); self.send_response(200)
                    self.send_header('Content-Type', {'js': 'text/javascript', 'css': 'text/css', 'html': 'text/html; charset=utf-8'}[f.rsplit('.', 1)[1]])
                    self.send_header('Content-Length', str(len(data))); self.end_headers(); self.wfile.write(data); return
        self.answer({'message': 'not found'}, 404)
    def do_POST(self):
        path = urllib.parse.urlparse(self.path).path
        if path == '/api/v1/roster-imports': return self.answer(API['/api/v1/roster-imports/r1'], 202)
        self.answer({'message': 'stub'}, 400)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
