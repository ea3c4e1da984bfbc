import { urlProblem } from './receiver-address';

const PRODUCTION = { allowHttp: false, allowPrivateHosts: false };

describe('receiver URLs (SSRF)', () => {
  it.each([
    ['https://agency.example.cn/hooks', null],
    ['https://203.0.113.7/hooks', null],
    ['http://agency.example.cn/hooks', 'must be an https URL'],
    ['https://user:pw@agency.example.cn/', 'must not carry a user name or password'],
    ['https://127.0.0.1/', 'public host'],
    ['https://[::1]/', 'public host'],
    ['https://[::ffff:10.0.0.1]/', 'public host'],
    ['https://192.168.1.10/', 'public host'],
    ['https://172.20.0.1/', 'public host'],
    ['https://100.64.0.1/', 'public host'],
    ['https://169.254.169.254/', 'public host'],
    ['https://[fd00::1]/', 'public host'],
    ['https://localhost/', 'public host'],
  ])('in production, %s → %s', (url, problem) => {
    const found = urlProblem(url, PRODUCTION);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it('lets development use http on loopback', () => {
    expect(urlProblem('http://127.0.0.1:8080/hooks', { allowHttp: true, allowPrivateHosts: true })).toBeNull();
  });
});
