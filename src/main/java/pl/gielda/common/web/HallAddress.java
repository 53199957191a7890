package pl.gielda.common.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds this machine's addresses on the networks it is on (the hall's Wi-Fi or cable), so that a
 * laptop started without {@code PUBLIC_URL} can offer a link phones can open. Loopback, link-local
 * and container bridges are skipped; private IPv4 addresses (192.168/16, 10/8, 172.16/12) come
 * first, as a hall network hands out those.
 */
final class HallAddress {

  private HallAddress() {}

  static List<String> candidates(int port) {
    List<Found> found = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || isBridge(nic.getName())) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address
              && !address.isLoopbackAddress()
              && !address.isLinkLocalAddress()
              && !address.isAnyLocalAddress()) {
            found.add(new Found(address.getHostAddress(), address.isSiteLocalAddress() ? 0 : 1));
          }
        }
      }
    } catch (SocketException e) {
      return List.of();
    }
    found.sort(Comparator.comparingInt(Found::rank).thenComparing(Found::ip));
    return found.stream().map(f -> "http://" + f.ip() + ":" + port).distinct().toList();
  }

  /** Docker, libvirt, VPN-less container bridges: not where phones are. */
  static boolean isBridge(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("docker")
        || n.startsWith("br-")
        || n.startsWith("veth")
        || n.startsWith("virbr")
        || n.startsWith("cni")
        || n.startsWith("flannel")
        || n.startsWith("podman")
        || n.startsWith("lxc")
        || n.startsWith("lxd");
  }

  private record Found(String ip, int rank) {}
}
