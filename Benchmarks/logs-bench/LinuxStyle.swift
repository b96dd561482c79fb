/// A syslog timestamp in Loghub's Linux log (June and July 2005, one year, no year printed).
private struct SyslogDate: Sendable {
    var month: String
    var day: Int
    var clock: String

    init(_ r: inout Corpus.Random) {
        month = r.int(2) == 0 ? "Jun" : "Jul"
        day = 1 + r.int(month == "Jun" ? 30 : 31)
        clock = r.clock()
    }

    /// `Jun 14`, `Jul  1`: the day right-aligned in two places, as syslogd prints it.
    var header: String { "\(month) \(day < 10 ? " " : "")\(day)" }

    /// ctime's `Fri Jul  1 07:57:30 2005`, as ftpd prints the time of a connection (1 June
    /// 2005 was a Wednesday).
    var ctime: String {
        let daysIntoSummer = (month == "Jun" ? 0 : 30) + day - 1
        let weekday = ["Wed", "Thu", "Fri", "Sat", "Sun", "Mon", "Tue"][daysIntoSummer % 7]
        return "\(weekday) \(header) \(clock) 2005"
    }
}

/// Loghub's Linux log (a Red Hat machine's /var/log/messages, 2005) as syslog prints it:
/// `Mon dd HH:mm:ss combo component[pid]: message`, the day padded with a space (`Jul  1`).
/// Loghub's full catalogue for Linux (`Linux/Linux_2k.log_templates.csv`, E1-E118, one template
/// each in the csv's order), each event with the component the real lines print and its `[pid]`
/// or none (`Linux_2k.log_structured.csv`): `kernel:` for the boot messages, `sshd(pam_unix)[pid]`,
/// `su(pam_unix)[pid]`, `ftpd[pid]`, `klogind[pid]`, `logrotate:`, `cups:`, `syslogd 1.4.1:`,
/// ` -- root[pid]:` and the rest. Where the real lines are printed by several components, as
/// `session closed for user` by su, sshd and login's pam_unix, the component is drawn among
/// them. Whitespace is the real lines': kernel messages indented by one or two spaces
/// (`  DMA zone:`), double spaces (`SELinux:  Initializing.`, `rhost=x  user=root`), the
/// trailing space ftpd, klogind, pam_unix without a user and a few others end a line with.
/// Loghub splits some events that differ only in a constant (E13/E14 klogind's two reasons,
/// E15-E19 pam_unix's authentication failure by tty and user, E20/E21 reserved/usable memory,
/// E37/E38 cupsd shutdown/startup, E36/E89 creating/removing a device node): its labelling is
/// the field's reference, so the split is kept. Values are drawn to look like the real ones:
/// scanners' addresses and their reverse names (or none, `()`), the kernel's sizes, versions,
/// hex addresses and PCI ids; no Loghub line is copied. Written before either miner ran on it.
extension Corpus {
    static let linuxStyle: Style = {
        /// A public IPv4 address, as the scanners in the log connect from.
        let address: @Sendable (inout Random) -> String = { r in "\(1 + r.int(223)).\(r.int(256)).\(r.int(256)).\(1 + r.int(254))" }
        let lowercase = Array("abcdefghijklmnopqrstuvwxyz")
        let word: @Sendable (inout Random, Int) -> String = { r, length in String((0..<length).map { _ in lowercase[r.int(26)] }) }
        let threeDigits: @Sendable (String) -> String = { octet in String(repeating: "0", count: 3 - octet.count) + octet }
        /// The name an address's reverse lookup gives: a provider's pattern built from the
        /// address, or a host of some domain.
        let reverseName: @Sendable (inout Random, String) -> String = { r, ip in
            let octets = ip.split(separator: ".").map(String.init)
            let dashed = octets.joined(separator: "-")
            switch r.int(7) {
            case 0: return "\(dashed).\(r.pick(["hinet-ip.hinet.net", "dsl.easynet.nl", "adsl.ttn.net", "ebix.net.tw", "bflony.adelphia.net"]))"
            case 1: return "adsl-\(dashed).dsl.\(r.pick(["ksc2mo.swbell.net", "mtry01.pacbell.net", "snfc21.pacbell.net"]))"
            case 2: return "\(r.pick(["", "n"]))\(octets.map(threeDigits).joined()).\(r.pick(["ctinets.com", "netvigator.com"]))"
            case 3: return "\(r.pick(["d", "ip-", "h"]))\(dashed).\(r.pick(["rev.krline.net", "ip.secureserver.net", "gtconnect.net"]))"
            case 4: return "dsl-\(octets.map(threeDigits).joined(separator: "-")).arcor-ip.net"
            case 5: return "\(octets.joined(separator: ".")).\(r.pick(["nw.nuvox.net", "sh.interxion.inode.at", "static.example.net"]))"
            default: return "\(r.pick(["", "host\(octets[3]).", "mail.", "www."]))\(word(&r, 4 + r.int(8))).\(r.pick(["com", "org", "edu.pl", "com.br", "nl", "info"]))"
            }
        }
        /// rhost= as pam_unix prints it: the address, or its reverse name when it has one.
        let rhost: @Sendable (inout Random) -> String = { r in
            let ip = address(&r)
            return r.int(2) == 0 ? ip : reverseName(&r, ip)
        }
        let pid: @Sendable (inout Random) -> Int = { r in 300 + r.int(32400) }
        let hex: @Sendable (UInt64, Int) -> String = { value, width in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        /// A BIOS-e820 range: `start - end`, page-aligned physical addresses in 16 hex digits.
        let e820: @Sendable (inout Random) -> String = { r in
            let start = UInt64(r.int(0xF_FF00)) << 12
            let end = r.int(8) == 0 ? 0x1_0000_0000 : min(start + (UInt64(1 + r.int(0x4_0000)) << 12), 0x1_0000_0000)
            return "\(hex(start, 16)) - \(hex(end, 16))"
        }
        /// A kernel hash table's size line: `entries (order: n, bytes bytes)`, the three consistent.
        let hashTable: @Sendable (inout Random, Int, String) -> String = { r, entryBytes, separator in
            let order = r.int(6)
            let bytes = 4096 << order
            return "\(bytes / entryBytes) (order\(separator) \(order), \(bytes) bytes)"
        }
        let pages: @Sendable (inout Random) -> Int = { r in r.int(4) == 0 ? 0 : 1 + r.int(240_000) }
        let yearDate: @Sendable (inout Random, String) -> String = { r, year in
            "\(year)\(Random.twoDigits(1 + r.int(12)))\(Random.twoDigits(1 + r.int(28)))"
        }
        let pciSlot: @Sendable (inout Random) -> String = { r in "0000:0\(r.int(3)):\(hex(UInt64(r.int(32)), 2)).\(r.int(8))" }

        /// A line of the log: header, then `component[pid]: ` (or `component: `), then the message.
        func syslog(_ components: [String], pid withPID: Bool = true, _ body: @escaping @Sendable (inout Random, SyslogDate) -> String) -> Template {
            { r, _ in
                let date = SyslogDate(&r)
                let component = r.pick(components)
                return "\(date.header) \(date.clock) combo \(component)\(withPID ? "[\(pid(&r))]" : ""): \(body(&r, date))"
            }
        }
        func syslog(_ component: String, pid withPID: Bool = true, _ body: @escaping @Sendable (inout Random) -> String) -> Template {
            syslog([component], pid: withPID) { r, _ in body(&r) }
        }
        func kernel(_ body: @escaping @Sendable (inout Random) -> String) -> Template { syslog("kernel", pid: false, body) }
        func kernel(_ message: String) -> Template { kernel { _ in message } }

        return Style(name: "linux", templates: [
            // E1-E10
            syslog("gpm") { r in "*** info [mice.c(\(1000 + r.int(1500)))]: " },
            kernel { r in "\(r.pick(["0", "0", "128", "384", "896", "1152", "3200"]))MB HIGHMEM available." },
            kernel { r in "\(r.pick(["126", "246", "502", "759", "896"]))MB LOWMEM available." },
            kernel { r in "ACPI disabled because your bios is from \(1995 + r.int(6)) and too old" },
            kernel("ACPI: ACPI tables contain no PCI IRQ routing entries"),
            kernel("ACPI: Interpreter disabled."),
            kernel { r in "ACPI: Subsystem revision \(yearDate(&r, "200\(2 + r.int(3))"))" },
            syslog("logrotate", pid: false) { _ in "ALERT exited abnormally with [1]" },
            syslog("ftpd") { r in "ANONYMOUS FTP LOGIN FROM \(address(&r)),  (anonymous)" },
            kernel { r in "apm: BIOS version 1.\(r.int(3)) Flags 0x0\(r.pick(["2", "3", "7"])) (Driver version 1.\(14 + r.int(3))\(r.pick(["", "ac"])))" },
            // E11-E20
            kernel { r in "audit(\(1_118_000_000 + r.int(4_000_000)).\(4_294_900_000 + r.int(67_000)):\(r.int(3))): initialized" },
            kernel("audit: initializing netlink socket (disabled)"),
            syslog("klogind") { r in
                let ip = address(&r)
                return "Authentication failed from \(ip) (\(r.int(2) == 0 ? ip : reverseName(&r, ip))): Permission denied in replay cache code "
            },
            syslog("klogind") { r in
                let ip = address(&r)
                return "Authentication failed from \(ip) (\(r.int(2) == 0 ? ip : reverseName(&r, ip))): Software caused connection abort "
            },
            syslog("gdm(pam_unix)") { _ in "authentication failure; logname= uid=0 euid=0 tty=:0 ruser= rhost= " },
            syslog("sshd(pam_unix)") { r in "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=\(rhost(&r)) " },
            syslog("sshd(pam_unix)") { r in "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=\(rhost(&r))  user=guest" },
            syslog("sshd(pam_unix)") { r in "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=\(rhost(&r))  user=root" },
            syslog("sshd(pam_unix)") { r in "authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=\(rhost(&r))  user=test" },
            kernel { r in " BIOS-e820: \(e820(&r)) (reserved)" },
            // E21-E30
            kernel { r in " BIOS-e820: \(e820(&r)) (usable)" },
            kernel("BIOS-provided physical RAM map:"),
            syslog("network", pid: false) { _ in "Bringing up loopback interface:  succeeded " },
            kernel { r in "Built \(1 + r.int(2)) zonelists" },
            kernel { r in "Calibrating delay loop... \(300 + r.int(6000)).\(Random.twoDigits(r.int(100))) BogoMIPS" },
            kernel("Capability LSM initialized"),
            syslog(["sshd(pam_unix)", "sshd(pam_unix)", "sshd(pam_unix)", "gdm(pam_unix)"]) { _, _ in "check pass; user unknown" },
            kernel("Checking 'hlt' instruction... OK."),
            syslog(["ftpd"]) { r, date in
                let ip = address(&r)
                return "connection from \(ip) (\(r.int(3) == 0 ? reverseName(&r, ip) : "")) at \(date.ctime) "
            },
            kernel { r in "Console: colour VGA+ \(r.pick(["80x25", "80x25", "80x50", "132x43"]))" },
            // E31-E40
            syslog("gdm-binary") { _ in "Couldn't authenticate user" },
            kernel { r in "CPU \(r.int(4)) irqstacks, hard=0\(r.int(4))\(r.hex(3))000 soft=0\(r.int(4))\(r.hex(3))000" },
            kernel { r in "CPU: Intel Pentium III (Coppermine) stepping 0\(r.pick(["1", "3", "6", "a"]))" },
            kernel { r in
                let l1 = r.pick(["8K", "16K", "32K"])
                return "CPU: L1 I cache: \(l1), L1 D cache: \(l1)"
            },
            kernel { r in "CPU: L2 cache: \(r.pick(["128K", "256K", "256K", "512K"]))" },
            syslog("udev") { r in "creating device node '/udev/\(r.pick(["vcs", "vcsa", "tty"]))\(1 + r.int(6))'" },
            syslog("cups", pid: false) { _ in "cupsd shutdown succeeded" },
            syslog("cups", pid: false) { _ in "cupsd startup succeeded" },
            kernel { r in "Dentry cache hash table entries: \(hashTable(&r, 4, ":"))" },
            kernel { r in "Detected \(300 + r.int(2700)).\(r.digits(3)) MHz processor." },
            // E41-E50
            kernel { r in "  DMA zone: \(pages(&r)) pages, LIFO batch:\(r.int(2))" },
            kernel { r in "DMI 2.\(r.int(5)) present." },
            kernel { r in "Dquot-cache hash table entries: \(hashTable(&r, 4, ""))" },
            kernel("Enabling fast FPU save and restore... done."),
            kernel("Enabling unmasked SIMD FPU exception support... done."),
            kernel("Failure registering capabilities with the kernel"),
            syslog("ftpd") { _ in "getpeername (ftpd): Transport endpoint is not connected" },
            syslog("hcid") { r in "HCI daemon ver 2.\(r.int(10)) started" },
            syslog("bluetooth", pid: false) { _ in "hcid startup succeeded" },
            kernel { r in "  HighMem zone: \(pages(&r)) pages, LIFO batch:\(r.int(32))" },
            // E51-E60
            syslog("gpm") { r in "imps2: Auto-detected intellimouse PS/\(1 + r.int(3))" },
            kernel { r in "Initializing CPU#\(r.int(4))" },
            kernel("Initializing Cryptographic API"),
            syslog("random", pid: false) { _ in "Initializing random number generator:  succeeded" },
            kernel { r in "Inode-cache hash table entries: \(hashTable(&r, 4, ":"))" },
            kernel("Intel machine check architecture supported."),
            kernel { r in "Intel machine check reporting enabled on CPU#\(r.int(4))." },
            syslog("irqbalance", pid: false) { _ in "irqbalance startup succeeded" },
            kernel("isapnp: No Plug & Play device found"),
            kernel("isapnp: Scanning for PnP cards..."),
            // E61-E70
            syslog("klogind") { _ in "Kerberos authentication failed " },
            kernel("Kernel command line: ro root=LABEL=/ rhgb quiet"),
            syslog("sysctl", pid: false) { r in "kernel.core_uses_pid = \(r.int(2)) " },
            kernel { r in "klogd 1.4.\(r.int(3)), log source = /proc/kmsg started." },
            syslog("syslog", pid: false) { _ in "klogd startup succeeded" },
            kernel { r in "Linux agpgart interface v0.\(99 + r.int(4)) (c) Dave Jones" },
            kernel { r in "Linux Plug and Play Support v0.9\(r.int(8)) (c) Adam Belay" },
            kernel { r in
                let built = SyslogDate(&r)
                let gcc = "3.\(2 + r.int(2)).\(r.int(4))"
                return "Linux version 2.6.\(5 + r.int(8))-1.\(100 + r.int(900)) (bhcompile@bugs.build.redhat.com) (gcc version \(gcc) \(yearDate(&r, "2004")) (Red Hat Linux \(gcc)-\(1 + r.int(9)))) #1 \(r.pick(["Sat", "Tue", "Thu"])) \(r.pick(["Apr", "May", "Jun"])) \(built.day) \(built.clock) EDT 2004"
            },
            kernel { r in "mapped 4G/4G trampoline to ffff\(r.hex(1))000." },
            kernel { r in
                let total = 60_000 + r.int(2_000_000)
                let code = 1000 + r.int(2000), reserved = 2000 + r.int(8000), data = 300 + r.int(700), initSize = 100 + r.int(100)
                return "Memory: \(total - code - reserved)k/\(total)k available (\(code)k kernel code, \(reserved)k reserved, \(data)k data, \(initSize)k init, \(r.int(3) == 0 ? 0 : r.int(1_200_000))k highmem)"
            },
            // E71-E80
            kernel { r in "Mount-cache hash table entries: \(hashTable(&r, 8, ":"))" },
            kernel { r in "mtrr: v2.\(r.int(2)) (\(yearDate(&r, "200\(r.int(3))")))" },
            kernel { r in "NET: Registered protocol family \(r.pick(["1", "2", "10", "16", "17"]))" },
            kernel { r in "  Normal zone: \(pages(&r)) pages, LIFO batch:\(r.int(32))" },
            syslog("named") { _ in "notify question section contains no SOA" },
            kernel { r in "On node \(r.int(2)) totalpages: \(16_000 + r.int(500_000))" },
            kernel("PCI: Invalid ACPI-PCI IRQ routing table"),
            kernel { r in "PCI: PCI BIOS revision 2.\(r.pick(["00", "01", "10"])) entry at 0xf\(r.hex(4)), last bus=\(r.int(3))" },
            kernel("PCI: Probing PCI hardware"),
            kernel { r in "PCI: Probing PCI hardware (bus 0\(r.int(3)))" },
            // E81-E90
            kernel { r in "PCI: Using configuration type \(1 + r.int(2))" },
            kernel { r in "PCI: Using IRQ router PIIX/ICH [8086/\(r.pick(["24", "71", "25"]))\(r.hex(2))] at \(pciSlot(&r))" },
            kernel { r in "pci_hotplug: PCI Hot Plug PCI Core version: 0.\(r.int(10))" },
            kernel { r in "PID hash table entries: 512 (order \(9 + r.int(3)): \(r.pick(["2048", "4096", "8192"])) bytes)" },
            syslog("portmap", pid: false) { _ in "portmap startup succeeded" },
            kernel("POSIX conformance testing by UNIFIX"),
            kernel { r in "Real Time Clock Driver v1.\(10 + r.int(3))" },
            syslog("snmpd") { r in "Received SNMP packet(s) from \(address(&r)) " },
            syslog("udev") { r in "removing device node '/udev/\(r.pick(["vcs", "vcsa", "tty"]))\(1 + r.int(6))'" },
            syslog("syslogd 1.4.1", pid: false) { _ in "restart." },
            // E91-E100
            syslog(" -- root") { _ in "ROOT LOGIN ON tty2" },
            syslog("rpcidmapd", pid: false) { _ in "rpc.idmapd startup succeeded" },
            syslog("nfslock", pid: false) { _ in "rpc.statd startup succeeded" },
            syslog("bluetooth", pid: false) { _ in "sdpd startup succeeded" },
            syslog("sdpd") { r in "sdpd v1.\(r.int(9)) started " },
            kernel { r in "Security Scaffold v1.0.\(r.int(3)) initialized" },
            kernel("SELinux:  Initializing."),
            kernel("SELinux:  Registering netfilter hooks"),
            kernel("SELinux:  Starting in permissive mode"),
            kernel("selinux_register_security:  Registering secondary module capability"),
            // E101-E110
            { r, _ in
                // su's nightly cyrus and news sessions, ssh logins of test, root at the console.
                let session = r.int(4)
                let component = ["su(pam_unix)", "su(pam_unix)", "sshd(pam_unix)", "login(pam_unix)"][session]
                let user = ["cyrus", "news", "test", "root"][session]
                let date = SyslogDate(&r)
                return "\(date.header) \(date.clock) combo \(component)[\(pid(&r))]: session closed for user \(user)"
            },
            { r, _ in
                let (component, user, uid) = r.int(3) == 0 ? ("sshd(pam_unix)", "test", "509") : ("su(pam_unix)", r.pick(["cyrus", "news"]), "0")
                let date = SyslogDate(&r)
                return "\(date.header) \(date.clock) combo \(component)[\(pid(&r))]: session opened for user \(user) by (uid=\(uid))"
            },
            syslog("login(pam_unix)") { r in
                let (user, uid) = r.int(4) == 0 ? ("test", "509") : ("root", "0")
                return "session opened for user \(user) by LOGIN(uid=\(uid))"
            },
            syslog("network", pid: false) { _ in "Setting network parameters:  succeeded " },
            syslog("rc", pid: false) { _ in "Starting pcmcia:  succeeded" },
            syslog("syslog", pid: false) { _ in "syslogd startup succeeded" },
            kernel("There is already a security framework initialized, register_security failed."),
            kernel { r in "Total HugeTLB memory allocated, \(r.int(4) == 0 ? 2 * r.int(512) : 0)" },
            kernel { r in "Transparent bridge - \(pciSlot(&r))" },
            kernel("usbcore: registered new driver hub"),
            // E111-E118
            kernel("usbcore: registered new driver usbfs"),
            syslog(["ftpd"]) { r, date in "User unknown timed out after \(r.pick(["900", "900", "600", "300"])) seconds at \(date.ctime) " },
            kernel("Using tsc for high-res timesource"),
            syslog("rpc.statd") { r in "Version 1.0.\(r.int(10)) Starting" },
            kernel { r in "VFS: Disk quotas dquot_6.5.\(r.int(3))" },
            syslog("xinetd") { _ in "warning: can't get client address: Connection reset by peer" },
            kernel("You can enable it with acpi=force"),
            kernel("zapping low mappings."),
        ])
    }()
}
